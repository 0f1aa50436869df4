package org.ombc.cds.apps.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;

/**
 * Builds a patient's chart as FHIR R4 resources, with the codings real EHRs send: the synthetic sandbox patients
 * and the clinical vignettes of the tests are both written with it. Each method adds resources; {@link #bundle()}
 * gives them as a Bundle.
 */
public final class PatientBundle {

    public static final String SNOMED = "http://snomed.info/sct";
    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String LOINC = "http://loinc.org";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String OMBC = "http://ombc-cds.org/fhir/CodeSystem/ombc";
    public static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";

    private final String patientId;
    private final List<Resource> resources = new ArrayList<>();
    private final ChartResources make;

    private final Patient patient;

    private PatientBundle(String patientId) {
        this.patientId = patientId;
        this.make = new ChartResources(patientId);
        patient = new Patient();
        patient.setId(patientId);
        patient.addName().setFamily("Vignette").addGiven("Test");
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1960-06-15"));
        resources.add(patient);
    }

    public static PatientBundle patient(String id) {
        return new PatientBundle(id);
    }

    /** Names the patient and sets her birth date (synthetic: no real person). */
    public PatientBundle named(String given, String family, String birthDate) {
        patient.getName().clear();
        patient.addName().setFamily(family).addGiven(given);
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(birthDate));
        return this;
    }

    public static CodeableConcept code(String system, String code) {
        return new CodeableConcept(new Coding(system, code, null));
    }

    public static CodeableConcept sct(String code) {
        return code(SNOMED, code);
    }

    public static CodeableConcept icd(String code) {
        return code(ICD10CM, code);
    }

    public String patientId() {
        return patientId;
    }

    // -- primary --------------------------------------------------------------------------------------------

    /** A left-sided primary (SNOMED 254837009, bodySite left breast) diagnosed on {@code onset}. */
    public PatientBundle primary(@Nullable String onset) {
        return primary(onset, "80248007");
    }

    /** A primary with bodySite {@code sideCode} (80248007 left, 73056007 right breast). */
    public PatientBundle primary(@Nullable String onset, @Nullable String sideCode) {
        Condition c = condition("primary", sct("254837009"), onset, "remission");
        if (sideCode != null) {
            c.addBodySite(sct(sideCode));
        }
        return add(c);
    }

    public PatientBundle primaryCoded(CodeableConcept code, @Nullable String onset) {
        return add(condition("primary", code, onset, "active"));
    }

    // -- metastases -----------------------------------------------------------------------------------------

    /** A current metastasis Condition with id {@code id}. */
    public PatientBundle metastasis(String id, CodeableConcept code, @Nullable String onset) {
        return add(withId(condition("met", code, onset, "active"), id));
    }

    public PatientBundle metastasis(String id, CodeableConcept code, CodeableConcept bodySite, @Nullable String onset) {
        Condition c = withId(condition("met", code, onset, "active"), id);
        c.addBodySite(bodySite);
        return add(c);
    }

    /** A past metastasis: clinicalStatus resolved, abated on {@code abated}. */
    public PatientBundle pastMetastasis(
            String id, CodeableConcept code, @Nullable String onset, @Nullable String abated) {
        Condition c = withId(condition("met", code, onset, "resolved"), id);
        if (abated != null) {
            c.setAbatement(new DateTimeType(abated));
        }
        return add(c);
    }

    /** n bone lesions as n separate Conditions starting on {@code onset}. */
    public PatientBundle boneLesions(int n, String onset) {
        for (int i = 0; i < n; i++) {
            metastasis(make.nextId("bone"), sct("94222008"), onset);
        }
        return this;
    }

    public PatientBundle lesionCount(String conditionId, int count) {
        Observation o = observation(code(OMBC, "metastatic-lesion-count"), null);
        o.addFocus(new Reference("Condition/" + conditionId));
        o.setValue(new IntegerType(count));
        return add(o);
    }

    public PatientBundle lesionSize(String conditionId, double value, String unit) {
        Observation o = observation(code(LOINC, "33728-7"), null);
        o.addFocus(new Reference("Condition/" + conditionId));
        o.setValue(new Quantity()
                .setValue(BigDecimal.valueOf(value))
                .setSystem("http://unitsofmeasure.org")
                .setCode(unit)
                .setUnit(unit));
        return add(o);
    }

    // -- receptors, nodes, progression ----------------------------------------------------------------------

    public PatientBundle er(boolean positive, String date) {
        return receptor("16112-5", positive, date);
    }

    public PatientBundle pr(boolean positive, String date) {
        return receptor("16113-3", positive, date);
    }

    public PatientBundle her2(boolean positive, String date) {
        return receptor("48676-1", positive, date);
    }

    /** HR-positive/HER2-negative on {@code date}. */
    public PatientBundle luminal(String date) {
        return er(true, date).pr(true, date).her2(false, date);
    }

    public PatientBundle tripleNegative(String date) {
        return er(false, date).pr(false, date).her2(false, date);
    }

    public PatientBundle receptor(String loinc, boolean positive, String date) {
        Observation o = observation(code(LOINC, loinc), date);
        o.setValue(sct(positive ? "10828004" : "260385009"));
        return add(o);
    }

    public PatientBundle nCategory(String value, String date) {
        Observation o = observation(code(LOINC, "21900-6"), date);
        o.setValue(new StringType(value));
        return add(o);
    }

    public PatientBundle progression(boolean progressing, String date) {
        Observation o = observation(code(LOINC, "97509-4"), date);
        o.setValue(sct(progressing ? "271299001" : "359746009"));
        return add(o);
    }

    // -- therapy, surgery, imaging --------------------------------------------------------------------------

    /** Letrozole (RxNorm 72965) from {@code start} to {@code end} (null: ongoing, status active). */
    public PatientBundle endocrineTherapy(String start, @Nullable String end) {
        return add(make.statement(code(RXNORM, "72965"), start, end));
    }

    /** An active trastuzumab order authored on {@code authored}, no end. */
    public PatientBundle antiHer2Order(String authored) {
        return add(make.order(code(RXNORM, "224905"), authored));
    }

    public PatientBundle mastectomy(String date) {
        return add(make.procedure(sct("172043006"), date));
    }

    public PatientBundle imaging(String date) {
        return add(make.report(
                code("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD"),
                new CodeableConcept().setText("PET-CT"),
                date));
    }

    public PatientBundle add(Resource resource) {
        resources.add(resource);
        return this;
    }

    public List<Resource> resources() {
        return List.copyOf(resources);
    }

    public Bundle bundle() {
        return bundleOf(resources);
    }

    public static Bundle bundleOf(List<Resource> resources) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        for (Resource r : resources) {
            bundle.addEntry()
                    .setFullUrl("http://ehr.example.org/fhir/" + r.fhirType() + "/"
                            + r.getIdElement().getIdPart())
                    .setResource(r);
        }
        return bundle;
    }

    // -- helpers --------------------------------------------------------------------------------------------

    /** A Condition of this chart, its clinical status coded in {@link #CLINICAL}; not yet added. */
    public Condition condition(String prefix, CodeableConcept code, @Nullable String onset, String clinicalStatus) {
        return make.condition(prefix, code, onset, code(CLINICAL, clinicalStatus));
    }

    /** A final Observation of this chart; not yet added. */
    public Observation observation(CodeableConcept code, @Nullable String date) {
        return make.observation(code, date);
    }

    private static <T extends Resource> T withId(T resource, String id) {
        resource.setId(id);
        return resource;
    }
}
