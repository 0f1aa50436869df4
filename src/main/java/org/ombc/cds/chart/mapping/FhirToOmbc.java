package org.ombc.cds.chart.mapping;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.fhir.ResourceIds;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.DiseaseStatus;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.model.NodalStatus;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.model.PrimaryTumour;
import org.ombc.cds.model.ReceptorResult;
import org.ombc.cds.model.StagedMetastasis;
import org.ombc.cds.model.TherapyPeriod;

/**
 * Maps a patient's FHIR R4 resources, in any order and with duplicates, to an {@link OmbcRecord}
 * (clinical-rules 1 and 8). Every coding the rules list is accepted; dates are read as intervals; what is
 * dropped or cannot be read is named in the record's notes, in words a clinician can act on, instead of failing.
 * One reader per resource family does the reading; this class sorts the resources out to them.
 */
public final class FhirToOmbc {

    /**
     * A date after today plus this many days is an error in the record (clinical-rules 8): the one day absorbs
     * the time zones between the EHR and the service.
     */
    public static final int FUTURE_DATE_TOLERANCE_DAYS = 1;

    private static final int NAMED_RECORDS_LIMIT = 5;

    private static final Pattern LOOKS_LIKE_RECEPTOR = Pattern.compile(
            "\\b(o?estrogen|progesterone|HER-?2|ERBB2|" + "hormone receptor|(ER|PR) (status|receptor))\\b",
            Pattern.CASE_INSENSITIVE);

    private final Terminology terminology;
    private final Clock clock;
    private final AgentNames agentNames;

    /** A mapper whose "today" is the system clock's (UTC). */
    public FhirToOmbc(Terminology terminology) {
        this(terminology, Clock.systemUTC());
    }

    /** @param clock gives "today", against which dates in the future are recognised as errors */
    public FhirToOmbc(Terminology terminology, Clock clock) {
        this(terminology, clock, new AgentNames(terminology));
    }

    private FhirToOmbc(Terminology terminology, Clock clock, AgentNames agentNames) {
        this.terminology = terminology;
        this.clock = clock;
        this.agentNames = agentNames;
    }

    /** The terminology this mapper reads codes with. */
    public Terminology terminology() {
        return terminology;
    }

    /** The same mapper reading codes with {@code other} (one chart's widened terminology). */
    public FhirToOmbc using(Terminology other) {
        // The agents' names are the published ones: a chart's widened terminology adds codes, not names.
        return other == terminology ? this : new FhirToOmbc(other, clock, agentNames);
    }

    public OmbcRecord map(List<? extends IBaseResource> resources) {
        List<IBaseResource> chart = distinct(resources);
        Patient patient = chart.stream()
                .filter(Patient.class::isInstance)
                .map(Patient.class::cast)
                .findFirst()
                .orElse(null);
        RecordDates dates = new RecordDates(
                terminology,
                LocalDate.now(clock).plusDays(FUTURE_DATE_TOLERANCE_DAYS),
                patient != null && patient.hasBirthDateElement() ? FhirDates.of(patient.getBirthDateElement()) : null);
        ConditionReader conditionReader = new ConditionReader(terminology, dates);
        Map<String, Medication> medications = new HashMap<>();
        for (IBaseResource resource : chart) {
            if (resource instanceof Medication medication) {
                medications.putIfAbsent(ResourceIds.idOf(medication), medication);
            }
        }
        TherapyReader therapyReader = new TherapyReader(terminology, dates, agentNames, medications);
        ImagingReader imagingReader = new ImagingReader(terminology, dates);

        // Therapy and imaging are read in resource order: their notes keep that order on the data-quality card.
        Notes notes = new Notes();
        List<Condition> conditions = new ArrayList<>();
        List<Observation> observations = new ArrayList<>();
        List<Procedure> procedures = new ArrayList<>();
        List<TherapyPeriod> therapies = new ArrayList<>();
        List<DateInterval> imaging = new ArrayList<>();
        List<String> freeText = new ArrayList<>();
        List<String> unplacedCancers = new ArrayList<>();
        List<String> unplacedReceptors = new ArrayList<>();
        List<String> lookAlikes = new ArrayList<>();
        for (IBaseResource resource : chart) {
            if (resource instanceof Condition condition && conditionReader.exists(condition)) {
                if (isFreeTextOnly(condition.getCode())
                        && conditionReader.kindOf(condition) != CancerConditions.Kind.PRIMARY) {
                    freeText.add("Condition/" + ResourceIds.idOf(condition));
                } else {
                    conditions.add(condition);
                    CancerConditions.Kind kind = conditionReader.kindOf(condition);
                    if (kind == CancerConditions.Kind.UNPLACED) {
                        unplacedCancers.add(Codings.describe(condition.getCode()) + " (Condition/"
                                + ResourceIds.idOf(condition) + ")");
                    } else if (kind == CancerConditions.Kind.EXCLUDED) {
                        lookAlikes.add(Codings.describe(condition.getCode()) + " (Condition/"
                                + ResourceIds.idOf(condition) + ")");
                    }
                }
            } else if (resource instanceof Observation observation && ObservationReader.exists(observation)) {
                if (isFreeTextOnly(observation.getCode())) {
                    freeText.add("Observation/" + ResourceIds.idOf(observation));
                } else {
                    observations.add(observation);
                    if (looksLikeUnplacedReceptor(observation)) {
                        unplacedReceptors.add(Codings.describe(observation.getCode()) + " (Observation/"
                                + ResourceIds.idOf(observation) + ")");
                    }
                }
            } else if (resource instanceof MedicationStatement statement) {
                notes.take(therapyReader.read(statement)).ifPresent(therapies::add);
            } else if (resource instanceof MedicationRequest request) {
                notes.take(therapyReader.read(request)).ifPresent(therapies::add);
            } else if (resource instanceof Procedure procedure) {
                procedures.add(procedure);
            } else if (resource instanceof DiagnosticReport report) {
                notes.take(imagingReader.read(report)).ifPresent(imaging::add);
            } else if (resource instanceof ImagingStudy study) {
                notes.take(imagingReader.read(study)).ifPresent(imaging::add);
            }
        }
        imaging.sort(Comparator.comparing(DateInterval::start).thenComparing(DateInterval::end));

        ObservationReader observationReader = new ObservationReader(terminology, dates);
        ReceptorReader receptorReader = new ReceptorReader(terminology, dates);
        boolean resected = notes.take(new SurgeryReader(terminology, dates).primaryResected(procedures));
        PrimaryTumour primary = notes.take(conditionReader.primary(conditions)).orElse(null);
        LesionMeasures measures = notes.take(observationReader.lesionMeasures(observations));
        List<Lesion> lesions = notes.take(conditionReader.lesions(conditions, measures));
        ReceptorResult er = notes.take(receptorReader.read(observations, ValueSetId.ER_TEST, "ER"));
        ReceptorResult pr = notes.take(receptorReader.read(observations, ValueSetId.PR_TEST, "PR"));
        ReceptorResult her2 = notes.take(receptorReader.read(observations, ValueSetId.HER2_TEST, "HER2"));
        NodalStatus nodes = notes.take(observationReader.nodalStatus(observations));
        List<DiseaseStatus> statuses = notes.take(observationReader.diseaseStatuses(observations));
        List<Condition> primaries = conditions.stream()
                .filter(c -> conditionReader.kindOf(c) == CancerConditions.Kind.PRIMARY)
                .toList();
        StagedMetastasis staged = notes.take(new StagingReader(terminology, dates).staged(observations, primaries))
                .orElse(null);
        if (staged != null && lesions.isEmpty()) {
            notes.add("Staging (" + staged.source() + ": M1 or stage IV) records distant "
                    + "metastases that the chart does not list: record each metastasis as a Condition with its site "
                    + "and date; until then the number of lesions is unknown.");
        }
        if (!unplacedCancers.isEmpty()) {
            notes.add(unplacedNote(
                    unplacedCancers,
                    "cancer diagnosis",
                    "cancer diagnoses",
                    "code it as breast cancer or as a metastasis (SNOMED CT, ICD-10-CM or ICD-O-3) if it is one"));
        }
        if (!unplacedReceptors.isEmpty()) {
            notes.add(unplacedNote(
                    unplacedReceptors,
                    "receptor result",
                    "receptor results",
                    "code it as an ER, PR or HER2 result (LOINC) if it is one"));
        }
        if (!freeText.isEmpty()) {
            notes.add(freeTextNote(freeText));
        }
        // A Condition that is only text may be the breast cancer or a metastasis (clinical-rules 8 and 10).
        boolean freeTextConditions = freeText.stream().anyMatch(r -> r.startsWith("Condition/"));
        boolean lookAlikeBesideMetastasis = primary == null
                && !lookAlikes.isEmpty()
                && lesions.stream().anyMatch(org.ombc.cds.model.Lesion::current);
        if (lookAlikeBesideMetastasis) {
            notes.add("A current metastasis is recorded, but breast cancer only as "
                    + String.join(
                            "; ",
                            lookAlikes.stream()
                                    .sorted()
                                    .limit(NAMED_RECORDS_LIMIT)
                                    .toList()) + ", which is not breast "
                    + "cancer to the rules (in situ, history of, screening): record the breast cancer with its date "
                    + "if the metastasis comes from it.");
        }
        return new OmbcRecord(
                patient == null ? null : ResourceIds.idOf(patient),
                primary,
                lesions,
                er,
                pr,
                her2,
                nodes,
                statuses,
                therapies,
                imaging,
                resected,
                notes.list(),
                staged,
                !unplacedCancers.isEmpty() || freeTextConditions || lookAlikeBesideMetastasis);
    }

    /**
     * An Observation that names a hormone receptor or HER2 in its displays or text and is coded as none of the tests
     * the service reads (clinical-rules 10, "Nothing unknown is silent").
     */
    private boolean looksLikeUnplacedReceptor(Observation observation) {
        CodeableConcept code = observation.getCode();
        // The words first: most Observations name no receptor, and that test costs less than nine lookups.
        if (Codings.words(code).stream()
                .noneMatch(w -> LOOKS_LIKE_RECEPTOR.matcher(w).find())) {
            return false;
        }
        for (ValueSetId known : List.of(
                ValueSetId.ER_TEST,
                ValueSetId.PR_TEST,
                ValueSetId.HER2_TEST,
                ValueSetId.N_CATEGORY,
                ValueSetId.DISEASE_STATUS,
                ValueSetId.LESION_COUNT,
                ValueSetId.LESION_SIZE,
                ValueSetId.STAGING_M_CATEGORY,
                ValueSetId.STAGE_GROUP)) {
            if (terminology.containsAny(known, code)) {
                return false;
            }
        }
        return true;
    }

    /** clinical-rules 10: records that look like what the rules read, but whose code is not placed, named. */
    private static String unplacedNote(List<String> records, String one, String many, String fix) {
        List<String> sorted = records.stream().distinct().sorted().toList();
        String named = String.join("; ", sorted.subList(0, Math.min(NAMED_RECORDS_LIMIT, sorted.size())))
                + (sorted.size() > NAMED_RECORDS_LIMIT ? "; ..." : "");
        return sorted.size() + " " + (sorted.size() == 1 ? one : many) + " with a code the service does not know: "
                + named + ". Not used in the assessment; " + fix + ".";
    }

    /**
     * The same resource sent twice (prefetch and a search page overlap, or an EHR repeats an entry) is read once:
     * duplicates are recognised by type and id, and the first copy wins.
     */
    private static List<IBaseResource> distinct(List<? extends IBaseResource> resources) {
        Set<String> seen = new HashSet<>();
        List<IBaseResource> out = new ArrayList<>(resources.size());
        for (IBaseResource resource : resources) {
            String id = resource.getIdElement() == null
                    ? null
                    : resource.getIdElement().getValue();
            if (id == null
                    || id.isEmpty()
                    || !(resource instanceof Resource r)
                    || seen.add(r.fhirType() + "/" + ResourceIds.idOf(r))) {
                out.add(resource);
            }
        }
        return out;
    }

    /** A Condition or Observation whose code has no coding (text only, or no code at all) cannot be read. */
    private static boolean isFreeTextOnly(@Nullable CodeableConcept code) {
        return code == null || code.getCoding().stream().noneMatch(Coding::hasCode);
    }

    /** clinical-rules 8, "Codes": text-only records are counted and named, a few by id. */
    private static String freeTextNote(List<String> records) {
        List<String> sorted = records.stream().sorted().toList();
        String named = String.join(", ", sorted.subList(0, Math.min(NAMED_RECORDS_LIMIT, sorted.size())))
                + (sorted.size() > NAMED_RECORDS_LIMIT ? ", ..." : "");
        return (sorted.size() == 1 ? "1 record is" : sorted.size() + " records are") + " free text only ("
                + named + ") and " + (sorted.size() == 1 ? "was" : "were") + " not read: code "
                + (sorted.size() == 1 ? "it" : "them") + " (SNOMED CT, ICD-10-CM or LOINC) for the assessment to use "
                + (sorted.size() == 1 ? "it." : "them.");
    }
}
