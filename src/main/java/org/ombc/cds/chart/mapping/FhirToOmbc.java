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
import org.hl7.fhir.instance.model.api.IBaseResource;
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
 * One reader per resource family does the reading; this class sorts the resources out to them, and
 * {@link UnreadRecords} names what none of them can use.
 */
public final class FhirToOmbc {

    /**
     * A date after today plus this many days is an error in the record (clinical-rules 8): the one day absorbs
     * the time zones between the EHR and the service.
     */
    public static final int FUTURE_DATE_TOLERANCE_DAYS = 1;

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
        UnreadRecords unread = new UnreadRecords(terminology);
        for (IBaseResource resource : chart) {
            if (resource instanceof Condition condition && conditionReader.exists(condition)) {
                if (unread.readable(condition, conditionReader.kindOf(condition))) {
                    conditions.add(condition);
                }
            } else if (resource instanceof Observation observation && ObservationReader.exists(observation)) {
                if (unread.readable(observation)) {
                    observations.add(observation);
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
        unread.addNotes(notes, primary, lesions);
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
                unread.mayHideCancer(primary, lesions));
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
}
