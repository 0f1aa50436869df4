package org.ombc.cds.apps.sandbox;

import static org.ombc.cds.apps.sandbox.CatalogueCodes.*;
import static org.ombc.cds.apps.sandbox.Expected.indeterminate;
import static org.ombc.cds.apps.sandbox.Expected.notMetastatic;
import static org.ombc.cds.apps.sandbox.Expected.oligometastatic;
import static org.ombc.cds.apps.sandbox.PatientBundle.code;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Charts coded the way data from outside arrives (clinical-rules 10): a primary coded by its histology with the
 * mCODE profiles, metastases as mCODE SecondaryCancerConditions without status or dates, receptors by tissue IHC
 * codes, drugs by brand or product code, stage IV known only from TNM staging with the HER2 FISH ratio as text (as
 * Synthea writes it), and a cancer whose code the service does not know, named on the data-quality card.
 */
final class OutsideCodingCases {

    private static final String MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String LOINC = "http://loinc.org";
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private OutsideCodingCases() {}

    static void addTo(CatalogueBuilder c) {
        PatientBundle mcode = c.add(
                "demo-mcode-histology", "mCODE: ductal carcinoma by histology, undated liver and " + "bone metastases");
        Condition primary = mcode.condition(
                "primary", shown(SNOMED, "408643008", "Infiltrating duct carcinoma of breast"), "2019-02-10", "active");
        primary.getMeta().addProfile(MCODE + "mcode-primary-cancer-condition");
        primary.addBodySite(shown(SNOMED, "80248007", "Left breast structure"));
        mcode.add(primary);
        mcode.add(secondary(mcode, "liver-a", "94381002", "Secondary malignant neoplasm of liver"));
        mcode.add(secondary(mcode, "bone-a", "94222008", "Secondary malignant neoplasm of bone"));
        mcode.add(receptor(
                mcode,
                "40556-3",
                "Estrogen receptor Ag [Presence] in Tissue by Immune stain",
                "10828004",
                "2019-02-15"));
        mcode.add(receptor(
                mcode,
                "40557-1",
                "Progesterone receptor Ag [Presence] in Tissue by Immune stain",
                "10828004",
                "2019-02-15"));
        mcode.add(
                receptor(mcode, "18474-7", "HER2 Ag [Presence] in Tissue by Immune stain", "260385009", "2019-02-15"));
        mcode.add(order(mcode, "203870", "Faslodex", "2022-01-10"));
        mcode.imaging("2022-01-05");
        c.expect(oligometastatic(null, 2)
                .recommends(MDT, SABR, METASTASIS_SURGERY, TRIAL)
                .favorable(HR_POSITIVE)
                .missing("metastasis-diagnosis-date")
                .trials(OLIGO, CORE, PROMISE_005, OLIGOMA));

        PatientBundle staged = c.add(
                "demo-stage-iv-by-staging", "Stage IV by TNM staging only, HER2 FISH ratio as text, " + "Herceptin");
        staged.primaryCoded(shown(SNOMED, "254837009", "Malignant neoplasm of breast"), "2021-06-01");
        staged.add(receptor(
                staged,
                "85337-4",
                "Estrogen receptor Ag [Presence] in Breast cancer specimen by " + "Immune stain",
                "260385009",
                "2021-06-05"));
        staged.add(receptor(
                staged,
                "85339-0",
                "Progesterone receptor Ag [Presence] in Breast cancer specimen by " + "Immune stain",
                "260385009",
                "2021-06-05"));
        Observation fish = staged.observation(
                shown(LOINC, "85318-4", "HER2 [Presence] in Breast cancer specimen by FISH"), "2021-06-06");
        fish.setValue(new StringType("greater than 2.2"));
        staged.add(fish);
        Observation m1 =
                staged.observation(shown(LOINC, "21907-1", "Distant metastases.clinical [Class] Cancer"), "2021-06-01");
        m1.setValue(shown(SNOMED, "55440008", "M1 category (finding)"));
        staged.add(m1);
        staged.add(order(staged, "101306", "Herceptin", "2021-07-01"));
        c.expect(indeterminate()
                .recommends(MDT, STAGING)
                .unfavorable(HER2_POSITIVE)
                .missing("lesion-count"));

        PatientBundle unknown = c.add(
                "demo-unknown-cancer-code", "Breast cancer under a local code: named on the " + "data-quality card");
        unknown.add(unknown.condition(
                "primary",
                shown(
                        "http://ehr.example.org/fhir/CodeSystem/local-problems",
                        "BRCA-LOBULAR-2",
                        "Lobular carcinoma of left breast, metastatic to bone"),
                "2020-03-01",
                "active"));
        unknown.luminal("2020-03-05");
        c.expect(notMetastatic());
    }

    private static CodeableConcept shown(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display));
    }

    private static Condition secondary(PatientBundle chart, String id, String code, String display) {
        Condition c = chart.condition("met", shown(SNOMED, code, display), null, "active");
        c.setId(id);
        c.setClinicalStatus(null);
        c.getMeta().addProfile(MCODE + "mcode-secondary-cancer-condition");
        return c;
    }

    private static Observation receptor(PatientBundle chart, String loinc, String display, String answer, String date) {
        Observation o = chart.observation(shown(LOINC, loinc, display), date);
        o.setValue(code(SNOMED, answer));
        return o;
    }

    private static MedicationRequest order(PatientBundle chart, String rxnorm, String display, String authored) {
        MedicationRequest m = new MedicationRequest();
        m.setId("mr-" + rxnorm);
        m.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setMedication(shown(RXNORM, rxnorm, display));
        m.setSubject(new Reference("Patient/" + chart.patientId()));
        m.setAuthoredOnElement(new DateTimeType(authored));
        return m;
    }
}
