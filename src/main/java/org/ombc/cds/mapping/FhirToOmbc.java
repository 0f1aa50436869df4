package org.ombc.cds.mapping;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.DiseaseStatus;
import org.ombc.cds.model.Laterality;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.model.NodalStatus;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.model.PrimaryTumour;
import org.ombc.cds.model.Progression;
import org.ombc.cds.model.ReceptorResult;
import org.ombc.cds.model.Site;
import org.ombc.cds.model.TherapyPeriod;

/**
 * Maps a patient's FHIR R4 resources, in any order and with duplicates, to an {@link OmbcRecord}
 * (clinical-rules 1 and 8). Every coding the rules list is accepted; dates are read as intervals; what is
 * dropped or cannot be read is named in the record's notes, in words a clinician can act on, instead of failing.
 */
public final class FhirToOmbc {

    /**
     * A date after today plus this many days is an error in the record (clinical-rules 8): the one day absorbs
     * the time zones between the EHR and the service.
     */
    public static final int FUTURE_DATE_TOLERANCE_DAYS = 1;

    private static final Pattern N_CATEGORY = Pattern.compile("^(?:Y?[CP])?N([0-3X])", Pattern.CASE_INSENSITIVE);
    private static final int NAMED_RECORDS_LIMIT = 5;

    private final Terminology terminology;
    private final Clock clock;

    /** A mapper whose "today" is the system clock's (UTC). */
    public FhirToOmbc(Terminology terminology) {
        this(terminology, Clock.systemUTC());
    }

    /** @param clock gives "today", against which dates in the future are recognised as errors */
    public FhirToOmbc(Terminology terminology, Clock clock) {
        this.terminology = terminology;
        this.clock = clock;
    }

    public OmbcRecord map(List<? extends IBaseResource> resources) {
        return new Mapping(LocalDate.now(clock).plusDays(FUTURE_DATE_TOLERANCE_DAYS)).map(resources);
    }

    /** One mapping: the latest acceptable date and the notes collected on the way. */
    private final class Mapping {

        private final LocalDate latestValid;
        private final List<String> notes = new ArrayList<>();
        private final List<String> freeText = new ArrayList<>();
        private DateInterval birth;

        Mapping(LocalDate latestValid) {
            this.latestValid = latestValid;
        }

        OmbcRecord map(List<? extends IBaseResource> resources) {
            String patientId = null;
            List<Condition> conditions = new ArrayList<>();
            List<Observation> observations = new ArrayList<>();
            List<TherapyPeriod> therapies = new ArrayList<>();
            List<DateInterval> imaging = new ArrayList<>();
            List<Procedure> procedures = new ArrayList<>();
            for (IBaseResource resource : distinct(resources)) {
                if (resource instanceof Patient patient && patientId == null) {
                    patientId = ResourceIds.idOf(patient);
                    birth = patient.hasBirthDateElement() ? FhirDates.of(patient.getBirthDateElement()) : null;
                }
            }
            for (IBaseResource resource : distinct(resources)) {
                if (resource instanceof Condition condition && exists(condition)) {
                    if (isFreeTextOnly(condition.getCode())) {
                        freeText.add("Condition/" + ResourceIds.idOf(condition));
                    } else {
                        conditions.add(condition);
                    }
                } else if (resource instanceof Observation observation && exists(observation)) {
                    if (isFreeTextOnly(observation.getCode())) {
                        freeText.add("Observation/" + ResourceIds.idOf(observation));
                    } else {
                        observations.add(observation);
                    }
                } else if (resource instanceof MedicationStatement statement) {
                    addTherapy(statement, therapies);
                } else if (resource instanceof MedicationRequest request) {
                    addTherapy(request, therapies);
                } else if (resource instanceof Procedure procedure) {
                    procedures.add(procedure);
                } else if (resource instanceof DiagnosticReport report) {
                    addImaging(report, imaging);
                } else if (resource instanceof ImagingStudy study && study.hasStarted()) {
                    addIfDated(imaging, checked(FhirDates.of(study.getStartedElement()), study, "start date"));
                }
            }
            boolean resected = false;
            for (Procedure procedure : procedures) {
                if (isBreastSurgery(procedure)) {
                    resected = true;
                    checked(FhirDates.start(procedure.getPerformed()), procedure, "performed date");
                }
            }
            PrimaryTumour primary = primary(conditions);
            Map<String, Integer> counts = new HashMap<>();
            Map<String, Boolean> countUnusable = new HashMap<>();
            Map<String, Double> sizes = new HashMap<>();
            readLesionObservations(observations, counts, countUnusable, sizes);
            List<Lesion> lesions = new ArrayList<>();
            for (Condition condition : conditions) {
                if (terminology.containsAny(ValueSetId.METASTASIS, condition.getCode())) {
                    String id = ResourceIds.idOf(condition);
                    Integer count = countUnusable.containsKey(id) ? null : counts.getOrDefault(id, 1);
                    lesions.add(lesion(condition, id, count, sizes.get(id)));
                }
            }
            lesions.sort(Comparator.comparing(Lesion::conditionId));
            ReceptorResult er = receptor(observations, ValueSetId.ER_TEST, "ER");
            ReceptorResult pr = receptor(observations, ValueSetId.PR_TEST, "PR");
            ReceptorResult her2 = receptor(observations, ValueSetId.HER2_TEST, "HER2");
            NodalStatus nodes = nodalStatus(observations);
            List<DiseaseStatus> statuses = diseaseStatuses(observations);
            if (!freeText.isEmpty()) {
                notes.add(freeTextNote(freeText));
            }
            return new OmbcRecord(patientId, primary, lesions, er, pr, her2, nodes, statuses, therapies,
                    imaging.stream().sorted(Comparator.comparing(DateInterval::start)
                            .thenComparing(DateInterval::end)).toList(), resected, notes);
        }

        // -- dates ------------------------------------------------------------------------------------------

        /**
         * A date after today (plus one day) is an error in the record: ignored and named (clinical-rules 8). A
         * partial date that reaches into the future ("2026" read in November 2026) ends today.
         */
        private DateInterval checked(DateInterval date, Resource resource, String what) {
            if (date == null) {
                return null;
            }
            if (date.after(latestValid)) {
                notes.add(describe(resource) + ": the " + what + " " + date + " lies in the future and was ignored; "
                        + "correct the date in the record.");
                return null;
            }
            return date.endingBy(latestValid);
        }

        /**
         * onset[x] as an interval (onsetAge and onsetRange with the birth date); recordedDate only when the
         * Condition has no onset[x] at all: a later recordedDate says when it was typed in, not when it began.
         */
        private DateInterval onset(Condition condition) {
            if (condition.hasOnset()) {
                Type onset = condition.getOnset();
                DateInterval date = onset instanceof Age || onset instanceof Range
                        ? FhirDates.ofAge(onset, birth) : FhirDates.start(onset);
                if (date == null) {
                    notes.add(describe(condition) + ": the onset (" + onsetKind(onset) + ") cannot be read as a date"
                            + (onset instanceof Age || onset instanceof Range ? " without the patient's birth date" : "")
                            + "; record the onset date.");
                    return null;
                }
                return checked(date, condition, "onset");
            }
            return checked(FhirDates.of(condition.getRecordedDateElement()), condition, "recorded date");
        }

        private void addIfDated(List<DateInterval> into, DateInterval date) {
            if (date != null) {
                into.add(date);
            }
        }

        private String describe(Resource resource) {
            String ref = resource.fhirType() + "/" + ResourceIds.idOf(resource);
            if (resource instanceof Condition c) {
                if (terminology.containsAny(ValueSetId.PRIMARY_BREAST_CANCER, c.getCode())) {
                    return "Breast cancer (" + ref + ")";
                }
                if (terminology.containsAny(ValueSetId.METASTASIS, c.getCode())) {
                    return "Metastasis (" + ref + ")";
                }
            }
            if (resource instanceof Observation o) {
                for (var entry : List.of(Map.entry(ValueSetId.ER_TEST, "ER result"), Map.entry(ValueSetId.PR_TEST,
                        "PR result"), Map.entry(ValueSetId.HER2_TEST, "HER2 result"), Map.entry(ValueSetId.N_CATEGORY,
                        "N category"), Map.entry(ValueSetId.DISEASE_STATUS, "Disease status"))) {
                    if (terminology.containsAny(entry.getKey(), o.getCode())) {
                        return entry.getValue() + " (" + ref + ")";
                    }
                }
            }
            if (resource instanceof MedicationStatement || resource instanceof MedicationRequest) {
                return "Systemic therapy (" + ref + ")";
            }
            if (resource instanceof Procedure) {
                return "Breast surgery (" + ref + ")";
            }
            if (resource instanceof DiagnosticReport || resource instanceof ImagingStudy) {
                return "Imaging (" + ref + ")";
            }
            return ref;
        }

        // -- conditions -------------------------------------------------------------------------------------

        /**
         * Several breast cancer Conditions are one primary (clinical-rules 8): the earliest date, the side any of
         * them states; only two different known sides make the side unknown (bilateral).
         */
        private PrimaryTumour primary(List<Condition> conditions) {
            String id = null;
            DateInterval diagnosed = null;
            Set<Laterality> sides = EnumSet.noneOf(Laterality.class);
            List<String> sideRecords = new ArrayList<>();
            boolean inactive = true;
            for (Condition condition : conditions) {
                if (!terminology.containsAny(ValueSetId.PRIMARY_BREAST_CANCER, condition.getCode())) {
                    continue;
                }
                inactive &= !isCurrent(condition,
                        checked(FhirDates.end(condition.getAbatement()), condition, "abatement date"));
                String thisId = ResourceIds.idOf(condition);
                DateInterval date = onset(condition);
                boolean earlier = date != null && (diagnosed == null || date.start().isBefore(diagnosed.start()));
                boolean tie = (date == null ? diagnosed == null : diagnosed != null
                        && date.start().equals(diagnosed.start())) && id != null && thisId.compareTo(id) < 0;
                if (id == null || earlier || tie) {
                    id = thisId;
                    diagnosed = date;
                }
                Set<Laterality> stated = sidesOf(condition);
                sides.addAll(stated);
                for (Laterality side : stated) {
                    sideRecords.add("Condition/" + thisId + " " + side.name().toLowerCase(Locale.ROOT));
                }
            }
            if (id == null) {
                return null;
            }
            if (sides.size() > 1) {
                sideRecords.sort(null);
                notes.add("Breast cancer is recorded on both sides (" + String.join(", ", sideRecords)
                        + "): the side is taken as unknown, so an axillary node cannot be called ipsi- or "
                        + "contralateral; correct the side if this is not bilateral disease.");
            }
            return new PrimaryTumour(id, diagnosed, sides.size() == 1 ? sides.iterator().next() : Laterality.UNKNOWN,
                    inactive);
        }

        private Lesion lesion(Condition condition, String id, Integer count, Double sizeMm) {
            Site site = siteOf(condition);
            boolean sternal = terminology.containsAny(ValueSetId.BODY_SITE_STERNUM, condition.getBodySite());
            DateInterval abatement = checked(FhirDates.end(condition.getAbatement()), condition, "abatement date");
            boolean current = isCurrent(condition, abatement);
            Set<Laterality> sides = sidesOf(condition);
            return new Lesion(id, site, sternal, sides.size() == 1 ? sides.iterator().next() : Laterality.UNKNOWN,
                    count, onset(condition), current ? null : abatement, current, sizeMm);
        }

        // -- observations -----------------------------------------------------------------------------------

        private void readLesionObservations(List<Observation> observations, Map<String, Integer> counts,
                                            Map<String, Boolean> countUnusable, Map<String, Double> sizes) {
            Map<String, LocalDate> countDates = new HashMap<>();
            for (Observation observation : observations) {
                boolean isCount = terminology.containsAny(ValueSetId.LESION_COUNT, observation.getCode());
                boolean isSize = terminology.containsAny(ValueSetId.LESION_SIZE, observation.getCode());
                if (!isCount && !isSize) {
                    continue;
                }
                for (Reference focus : observation.getFocus()) {
                    String target = ResourceIds.referencedId(focus);
                    if (target == null) {
                        continue;
                    }
                    if (isCount) {
                        DateInterval effective = effective(observation);
                        LocalDate date = effective == null ? null : effective.start();
                        LocalDate previous = countDates.get(target);
                        if (previous != null && date != null && date.isBefore(previous)) {
                            continue;
                        }
                        countDates.put(target, date);
                        if (observation.getValue() instanceof IntegerType n && n.getValue() != null
                                && n.getValue() > 0) {
                            counts.put(target, n.getValue());
                            countUnusable.remove(target);
                        } else {
                            countUnusable.put(target, true);
                            notes.add("Lesion count (Observation/" + ResourceIds.idOf(observation)
                                    + ") is not a whole number of lesions; record the number (valueInteger).");
                        }
                    } else if (observation.getValue() instanceof Quantity quantity) {
                        Double mm = millimetres(quantity);
                        if (mm != null) {
                            sizes.merge(target, mm, Math::max);
                        }
                    }
                }
            }
        }

        /**
         * The latest dated result wins (clinical-rules 1 and 8); an equivocal or unreadable latest result makes
         * the receptor unknown, even after an earlier definite one: the newest specimen is the one that counts.
         * Two different results on the latest date cannot be ranked: unknown. Undated results count only when
         * nothing is dated, and only when they agree.
         */
        private ReceptorResult receptor(List<Observation> observations, ValueSetId test, String label) {
            DateInterval latestDate = null;
            Set<ReceptorResult.Status> latest = EnumSet.noneOf(ReceptorResult.Status.class);
            Set<ReceptorResult.Status> undated = EnumSet.noneOf(ReceptorResult.Status.class);
            boolean seenPositive = false;
            boolean seenNegative = false;
            for (Observation observation : observations) {
                if (!terminology.containsAny(test, observation.getCode())) {
                    continue;
                }
                ReceptorResult.Status status = resultStatus(observation);
                seenPositive |= status == ReceptorResult.Status.POSITIVE;
                seenNegative |= status == ReceptorResult.Status.NEGATIVE;
                DateInterval date = effective(observation);
                if (date == null) {
                    undated.add(status);
                } else if (latestDate == null || date.start().isAfter(latestDate.start())) {
                    latestDate = date;
                    latest.clear();
                    latest.add(status);
                } else if (date.start().equals(latestDate.start())) {
                    latest.add(status);
                }
            }
            Set<ReceptorResult.Status> candidates = latestDate == null ? undated : latest;
            if (candidates.isEmpty()) {
                return ReceptorResult.UNKNOWN;
            }
            boolean conflicting = seenPositive && seenNegative;
            String when = latestDate == null ? "undated" : "of " + latestDate;
            if (candidates.size() > 1) {
                notes.add(label + " results " + when + " disagree: " + label + " status is taken as unknown; "
                        + "record which result is valid.");
                return new ReceptorResult(ReceptorResult.Status.UNKNOWN, latestDate, true);
            }
            ReceptorResult.Status status = candidates.iterator().next();
            if (status == ReceptorResult.Status.UNKNOWN) {
                notes.add("The latest " + label + " result (" + when + ") is equivocal or unreadable: " + label
                        + " status is unknown" + (seenPositive || seenNegative ? " even though an earlier result was "
                        + "definite" : "") + "; record a positive or negative result"
                        + (label.equals("HER2") ? " (IHC 2+ needs an ISH result)." : "."));
            } else if (conflicting) {
                notes.add(label + " results disagree over time: the latest (" + when + ") is used.");
            }
            return new ReceptorResult(status, latestDate, conflicting);
        }

        /** N category at primary diagnosis: the earliest recorded one. */
        private NodalStatus nodalStatus(List<Observation> observations) {
            NodalStatus status = NodalStatus.UNKNOWN;
            LocalDate earliest = null;
            for (Observation observation : observations) {
                if (!terminology.containsAny(ValueSetId.N_CATEGORY, observation.getCode())) {
                    continue;
                }
                NodalStatus value = nCategory(observation.getValue());
                DateInterval effective = effective(observation);
                LocalDate date = effective == null ? null : effective.start();
                if (value != NodalStatus.UNKNOWN && (status == NodalStatus.UNKNOWN
                        || (date != null && (earliest == null || date.isBefore(earliest))))) {
                    status = value;
                    earliest = date;
                }
            }
            return status;
        }

        /** Every disease-status result: the logic picks the one that counts at the OMD date. */
        private List<DiseaseStatus> diseaseStatuses(List<Observation> observations) {
            List<DiseaseStatus> statuses = new ArrayList<>();
            for (Observation observation : observations) {
                if (!terminology.containsAny(ValueSetId.DISEASE_STATUS, observation.getCode())) {
                    continue;
                }
                Progression p = Progression.UNKNOWN;
                if (observation.getValue() instanceof CodeableConcept value) {
                    p = terminology.containsAny(ValueSetId.DISEASE_PROGRESSING, value) ? Progression.PROGRESSING
                            : terminology.containsAny(ValueSetId.DISEASE_NOT_PROGRESSING, value)
                            ? Progression.NOT_PROGRESSING : Progression.UNKNOWN;
                }
                statuses.add(new DiseaseStatus(effective(observation), p));
            }
            statuses.sort(Comparator.comparing((DiseaseStatus s) -> s.date() == null ? LocalDate.MIN : s.date().start())
                    .thenComparing(DiseaseStatus::status));
            return statuses;
        }

        private DateInterval effective(Observation observation) {
            DateInterval date = observation.hasEffective() ? FhirDates.start(observation.getEffective())
                    : FhirDates.of(observation.getIssuedElement());
            return checked(date, observation, "date");
        }

        // -- therapy, surgery, imaging ----------------------------------------------------------------------

        private void addTherapy(MedicationStatement statement, List<TherapyPeriod> into) {
            MedicationStatement.MedicationStatementStatus status = statement.getStatus();
            if (status == MedicationStatement.MedicationStatementStatus.ENTEREDINERROR
                    || status == MedicationStatement.MedicationStatementStatus.NOTTAKEN) {
                return;
            }
            String agent = systemicAgent(statement.getMedication());
            if (agent == null) {
                return;
            }
            boolean active = status == MedicationStatement.MedicationStatementStatus.ACTIVE;
            Type effective = statement.getEffective();
            DateInterval start = checked(FhirDates.start(effective), statement, "start date");
            // The planned end of a therapy period may lie in the future (clinical-rules 8).
            DateInterval end = effective instanceof Period p && p.hasEnd() ? FhirDates.of(p.getEndElement())
                    : active ? null : start;
            into.add(new TherapyPeriod(agent, start, end));
        }

        private void addTherapy(MedicationRequest request, List<TherapyPeriod> into) {
            MedicationRequest.MedicationRequestStatus status = request.getStatus();
            if (status == MedicationRequest.MedicationRequestStatus.ENTEREDINERROR
                    || status == MedicationRequest.MedicationRequestStatus.CANCELLED
                    || status == MedicationRequest.MedicationRequestStatus.DRAFT) {
                return;
            }
            String agent = systemicAgent(request.getMedication());
            if (agent == null) {
                return;
            }
            boolean active = status == MedicationRequest.MedicationRequestStatus.ACTIVE;
            Period period = null;
            for (Dosage dosage : request.getDosageInstruction()) {
                if (dosage.getTiming().getRepeat().getBounds() instanceof Period bounds) {
                    period = bounds;
                    break;
                }
            }
            if (period == null && request.getDispenseRequest().hasValidityPeriod()) {
                period = request.getDispenseRequest().getValidityPeriod();
            }
            DateInterval start = checked(period != null && period.hasStart() ? FhirDates.of(period.getStartElement())
                    : FhirDates.of(request.getAuthoredOnElement()), request, "start date");
            DateInterval end = period != null && period.hasEnd() ? FhirDates.of(period.getEndElement())
                    : active ? null : start;
            into.add(new TherapyPeriod(agent, start, end));
        }

        private void addImaging(DiagnosticReport report, List<DateInterval> into) {
            if (report.getStatus() == DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR
                    || !terminology.containsAny(ValueSetId.IMAGING_CATEGORY, report.getCategory())) {
                return;
            }
            DateInterval date = report.hasEffective() ? FhirDates.start(report.getEffective())
                    : FhirDates.of(report.getIssuedElement());
            addIfDated(into, checked(date, report, "date"));
        }
    }

    /**
     * The same resource sent twice (prefetch and a search page overlap, or an EHR repeats an entry) is read once:
     * duplicates are recognised by type and id, and the first copy wins.
     */
    private static List<IBaseResource> distinct(List<? extends IBaseResource> resources) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<IBaseResource> out = new ArrayList<>(resources.size());
        for (IBaseResource resource : resources) {
            String id = resource.getIdElement() == null ? null : resource.getIdElement().getValue();
            if (id == null || id.isEmpty() || !(resource instanceof Resource r)
                    || seen.add(r.fhirType() + "/" + ResourceIds.idOf(r))) {
                out.add(resource);
            }
        }
        return out;
    }

    private static String onsetKind(Type onset) {
        return onset instanceof StringType ? "text" : onset.fhirType();
    }

    /** A Condition or Observation whose code has no coding (text only, or no code at all) cannot be read. */
    private static boolean isFreeTextOnly(CodeableConcept code) {
        return code == null || code.getCoding().stream().noneMatch(Coding::hasCode);
    }

    private static String freeTextNote(List<String> records) {
        List<String> sorted = records.stream().sorted().toList();
        String named = String.join(", ", sorted.subList(0, Math.min(NAMED_RECORDS_LIMIT, sorted.size())))
                + (sorted.size() > NAMED_RECORDS_LIMIT ? ", ..." : "");
        return (sorted.size() == 1 ? "1 record is" : sorted.size() + " records are") + " free text only ("
                + named + ") and " + (sorted.size() == 1 ? "was" : "were") + " not read: code "
                + (sorted.size() == 1 ? "it" : "them") + " (SNOMED CT, ICD-10-CM or LOINC) for the assessment to use "
                + (sorted.size() == 1 ? "it." : "them.");
    }

    // -- conditions -------------------------------------------------------------------------------------------

    /** clinicalStatus active, recurrence or relapse; without a clinicalStatus, current unless abated (rules 8). */
    private boolean isCurrent(Condition condition, DateInterval abatement) {
        return condition.hasClinicalStatus()
                ? terminology.containsAny(ValueSetId.CLINICAL_STATUS_CURRENT, condition.getClinicalStatus())
                : abatement == null;
    }

    /** A refuted or entered-in-error Condition does not exist (clinical-rules 2). */
    private boolean exists(Condition condition) {
        return !terminology.containsAny(ValueSetId.VERIFICATION_STATUS_VOID, condition.getVerificationStatus());
    }

    /** A site-specific code wins over bodySite; a generic code (128462008, C79.9) takes its site from bodySite. */
    private Site siteOf(Condition condition) {
        for (Site site : ValueSetId.CODED_SITES) {
            if (terminology.containsAny(ValueSetId.metastasisCode(site), condition.getCode())) {
                return site;
            }
        }
        for (Site site : ValueSetId.CODED_SITES) {
            for (CodeableConcept bodySite : condition.getBodySite()) {
                if (terminology.containsAny(ValueSetId.bodySite(site), bodySite)) {
                    return site;
                }
            }
        }
        return Site.OTHER;
    }

    /**
     * The sides a Condition states: from the code (ICD-10-CM C50.xx1 right, C50.xx2 left; SNOMED left or right
     * female breast), bodySite codings, or a laterality qualifier or mCODE laterality extension (clinical-rules
     * 8). Empty when none; both when the Condition contradicts itself.
     */
    private Set<Laterality> sidesOf(Condition condition) {
        List<CodeableConcept> evidence = new ArrayList<>(condition.getBodySite());
        evidence.add(condition.getCode());
        collectLateralityExtensions(condition.getExtension(), evidence);
        for (CodeableConcept bodySite : condition.getBodySite()) {
            collectLateralityExtensions(bodySite.getExtension(), evidence);
        }
        Set<Laterality> sides = EnumSet.noneOf(Laterality.class);
        if (terminology.containsAny(ValueSetId.LATERALITY_LEFT, evidence)) {
            sides.add(Laterality.LEFT);
        }
        if (terminology.containsAny(ValueSetId.LATERALITY_RIGHT, evidence)) {
            sides.add(Laterality.RIGHT);
        }
        return sides;
    }

    private static void collectLateralityExtensions(List<Extension> extensions, List<CodeableConcept> into) {
        for (Extension extension : extensions) {
            if (extension.getUrl() != null && extension.getUrl().toLowerCase(Locale.ROOT).contains("laterality")
                    && extension.getValue() instanceof CodeableConcept concept) {
                into.add(concept);
            }
        }
    }

    // -- observations -----------------------------------------------------------------------------------------

    private static boolean exists(Observation observation) {
        Observation.ObservationStatus status = observation.getStatus();
        return status != Observation.ObservationStatus.ENTEREDINERROR
                && status != Observation.ObservationStatus.CANCELLED;
    }

    private static Double millimetres(Quantity quantity) {
        if (!quantity.hasValue()) {
            return null;
        }
        String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
        double value = quantity.getValue().doubleValue();
        if (unit == null) {
            return null;
        }
        return switch (unit.trim().toLowerCase(Locale.ROOT)) {
            case "mm" -> value;
            case "cm" -> value * 10;
            default -> null;
        };
    }

    private ReceptorResult.Status resultStatus(Observation observation) {
        List<CodeableConcept> evidence = new ArrayList<>();
        String text = null;
        if (observation.getValue() instanceof CodeableConcept value) {
            evidence.add(value);
            text = value.getText();
        } else if (observation.getValue() instanceof StringType value) {
            text = value.getValue();
        }
        boolean positive = terminology.containsAny(ValueSetId.RESULT_POSITIVE, evidence);
        boolean negative = terminology.containsAny(ValueSetId.RESULT_NEGATIVE, evidence);
        if (!positive && !negative && text != null) {
            String word = text.trim().toLowerCase(Locale.ROOT);
            positive = word.equals("positive") || word.equals("pos");
            negative = word.equals("negative") || word.equals("neg");
        }
        if (!positive && !negative && observation.getValue() == null) {
            positive = terminology.containsAny(ValueSetId.RESULT_POSITIVE, observation.getInterpretation());
            negative = terminology.containsAny(ValueSetId.RESULT_NEGATIVE, observation.getInterpretation());
        }
        if (positive == negative) {
            return ReceptorResult.Status.UNKNOWN;
        }
        return positive ? ReceptorResult.Status.POSITIVE : ReceptorResult.Status.NEGATIVE;
    }

    private static NodalStatus nCategory(Type value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof CodeableConcept concept) {
            for (Coding coding : concept.getCoding()) {
                texts.add(coding.getCode());
                texts.add(coding.getDisplay());
            }
            texts.add(concept.getText());
        } else if (value instanceof StringType string) {
            texts.add(string.getValue());
        }
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = N_CATEGORY.matcher(text.trim());
            if (m.find()) {
                String n = m.group(1);
                if (n.equals("0")) {
                    return NodalStatus.NODE_NEGATIVE;
                }
                if (!n.equalsIgnoreCase("X")) {
                    return NodalStatus.NODE_POSITIVE;
                }
            }
        }
        return NodalStatus.UNKNOWN;
    }

    private String systemicAgent(Type medication) {
        CodeableConcept concept = null;
        if (medication instanceof CodeableConcept c) {
            concept = c;
        } else if (medication instanceof Reference reference && reference.getResource() instanceof Medication m) {
            concept = m.getCode();
        }
        if (concept == null || !terminology.containsAny(ValueSetId.SYSTEMIC_THERAPY, concept)) {
            return null;
        }
        for (Coding coding : concept.getCoding()) {
            if (terminology.contains(ValueSetId.SYSTEMIC_THERAPY, coding)) {
                return coding.hasDisplay() ? coding.getDisplay() : coding.getCode();
            }
        }
        return concept.getText();
    }

    private boolean isBreastSurgery(Procedure procedure) {
        return procedure.getStatus() == Procedure.ProcedureStatus.COMPLETED
                && terminology.containsAny(ValueSetId.BREAST_SURGERY, procedure.getCode());
    }

}
