package org.ombc.cds.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hl7.fhir.instance.model.api.IBaseResource;
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
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Maps a patient's FHIR R4 resources, in any order and with duplicates, to an {@link OmbcRecord}
 * (clinical-rules 1). Every coding the rules list is accepted; what cannot be read is reported in the record's
 * notes instead of failing.
 */
public final class FhirToOmbc {

    private static final Pattern N_CATEGORY = Pattern.compile("^(?:Y?[CP])?N([0-3X])", Pattern.CASE_INSENSITIVE);

    private final Terminology terminology;

    public FhirToOmbc(Terminology terminology) {
        this.terminology = terminology;
    }

    public OmbcRecord map(List<? extends IBaseResource> resources) {
        String patientId = null;
        List<Condition> conditions = new ArrayList<>();
        List<Observation> observations = new ArrayList<>();
        List<TherapyPeriod> therapies = new ArrayList<>();
        List<LocalDate> imaging = new ArrayList<>();
        boolean resected = false;
        for (IBaseResource resource : distinct(resources)) {
            if (resource instanceof Patient patient && patientId == null) {
                patientId = ResourceIds.idOf(patient);
            } else if (resource instanceof Condition condition && exists(condition)) {
                conditions.add(condition);
            } else if (resource instanceof Observation observation && exists(observation)) {
                observations.add(observation);
            } else if (resource instanceof MedicationStatement statement) {
                addTherapy(statement, therapies);
            } else if (resource instanceof MedicationRequest request) {
                addTherapy(request, therapies);
            } else if (resource instanceof Procedure procedure) {
                resected |= isBreastSurgery(procedure);
            } else if (resource instanceof DiagnosticReport report) {
                addImaging(report, imaging);
            } else if (resource instanceof ImagingStudy study && study.hasStarted()) {
                imaging.add(FhirDates.of(study.getStartedElement()));
            }
        }
        List<String> notes = new ArrayList<>();
        PrimaryTumour primary = primary(conditions);
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Boolean> countUnusable = new HashMap<>();
        Map<String, Double> sizes = new HashMap<>();
        readLesionObservations(observations, counts, countUnusable, sizes, notes);
        List<Lesion> lesions = new ArrayList<>();
        for (Condition condition : conditions) {
            if (terminology.containsAny(ValueSetId.METASTASIS, condition.getCode())) {
                String id = ResourceIds.idOf(condition);
                Integer count = countUnusable.containsKey(id) ? null : counts.getOrDefault(id, 1);
                lesions.add(lesion(condition, id, count, sizes.get(id)));
            }
        }
        lesions.sort(Comparator.comparing(Lesion::conditionId));
        return new OmbcRecord(patientId, primary, lesions,
                receptor(observations, ValueSetId.ER_TEST, "ER", notes),
                receptor(observations, ValueSetId.PR_TEST, "PR", notes),
                receptor(observations, ValueSetId.HER2_TEST, "HER2", notes),
                nodalStatus(observations), progression(observations), therapies,
                imaging.stream().filter(d -> d != null).sorted().toList(), resected, notes);
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

    // -- conditions -------------------------------------------------------------------------------------------

    /** A refuted or entered-in-error Condition does not exist (clinical-rules 2). */
    private boolean exists(Condition condition) {
        return !terminology.containsAny(ValueSetId.VERIFICATION_STATUS_VOID, condition.getVerificationStatus());
    }

    private PrimaryTumour primary(List<Condition> conditions) {
        String id = null;
        LocalDate diagnosed = null;
        Laterality side = null;
        boolean inactive = true;
        for (Condition condition : conditions) {
            if (!terminology.containsAny(ValueSetId.PRIMARY_BREAST_CANCER, condition.getCode())) {
                continue;
            }
            inactive &= !isCurrent(condition);
            LocalDate date = onset(condition);
            if (id == null || (date != null && (diagnosed == null || date.isBefore(diagnosed)))) {
                id = ResourceIds.idOf(condition);
                diagnosed = date;
            }
            Laterality thisSide = laterality(condition);
            side = side == null ? thisSide : side.merge(thisSide);
        }
        return id == null ? null : new PrimaryTumour(id, diagnosed, side, inactive);
    }

    /** clinicalStatus active, recurrence or relapse; without a clinicalStatus, current unless abated. */
    private boolean isCurrent(Condition condition) {
        return condition.hasClinicalStatus()
                ? terminology.containsAny(ValueSetId.CLINICAL_STATUS_CURRENT, condition.getClinicalStatus())
                : FhirDates.end(condition.getAbatement()) == null;
    }

    private Lesion lesion(Condition condition, String id, Integer count, Double sizeMm) {
        Site site = siteOf(condition);
        boolean sternal = terminology.containsAny(ValueSetId.BODY_SITE_STERNUM, condition.getBodySite());
        LocalDate abatement = FhirDates.end(condition.getAbatement());
        boolean current = isCurrent(condition);
        return new Lesion(id, site, sternal, laterality(condition), count, onset(condition),
                current ? null : abatement, current, sizeMm);
    }

    /** A site-specific code wins over bodySite; a generic code (128462008, C79.9) takes its site from bodySite. */
    private Site siteOf(Condition condition) {
        for (Site site : Site.values()) {
            if (site.hasValueSets() && terminology.containsAny(ValueSetId.metastasisCode(site), condition.getCode())) {
                return site;
            }
        }
        for (Site site : Site.values()) {
            if (site.hasValueSets()) {
                for (CodeableConcept bodySite : condition.getBodySite()) {
                    if (terminology.containsAny(ValueSetId.bodySite(site), bodySite)) {
                        return site;
                    }
                }
            }
        }
        return Site.OTHER;
    }

    private static LocalDate onset(Condition condition) {
        LocalDate onset = FhirDates.start(condition.getOnset());
        return onset != null ? onset : FhirDates.of(condition.getRecordedDateElement());
    }

    /** Side from the code (C50.x2, left-breast SNOMED), bodySite codings, or an mCODE laterality extension. */
    private Laterality laterality(Condition condition) {
        List<CodeableConcept> evidence = new ArrayList<>(condition.getBodySite());
        evidence.add(condition.getCode());
        collectLateralityExtensions(condition.getExtension(), evidence);
        for (CodeableConcept bodySite : condition.getBodySite()) {
            collectLateralityExtensions(bodySite.getExtension(), evidence);
        }
        boolean left = terminology.containsAny(ValueSetId.LATERALITY_LEFT, evidence);
        boolean right = terminology.containsAny(ValueSetId.LATERALITY_RIGHT, evidence);
        return left == right ? Laterality.UNKNOWN : left ? Laterality.LEFT : Laterality.RIGHT;
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

    private void readLesionObservations(List<Observation> observations, Map<String, Integer> counts,
                                        Map<String, Boolean> countUnusable, Map<String, Double> sizes,
                                        List<String> notes) {
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
                    LocalDate date = effective(observation);
                    LocalDate previous = countDates.get(target);
                    if (previous != null && date != null && date.isBefore(previous)) {
                        continue;
                    }
                    countDates.put(target, date);
                    if (observation.getValue() instanceof IntegerType n && n.getValue() != null && n.getValue() > 0) {
                        counts.put(target, n.getValue());
                        countUnusable.remove(target);
                    } else {
                        countUnusable.put(target, true);
                        notes.add("Lesion count Observation " + ResourceIds.idOf(observation) + " has no positive integer value.");
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

    /**
     * The latest result wins (clinical-rules 1). Results that disagree are flagged; two different results on the
     * same latest date cannot be ranked, so the status is unknown.
     */
    private ReceptorResult receptor(List<Observation> observations, ValueSetId test, String label,
                                    List<String> notes) {
        LocalDate latestDate = null;
        ReceptorResult.Status latest = null;
        boolean sameDayConflict = false;
        boolean seenPositive = false;
        boolean seenNegative = false;
        for (Observation observation : observations) {
            if (!terminology.containsAny(test, observation.getCode())) {
                continue;
            }
            ReceptorResult.Status status = resultStatus(observation);
            seenPositive |= status == ReceptorResult.Status.POSITIVE;
            seenNegative |= status == ReceptorResult.Status.NEGATIVE;
            LocalDate date = effective(observation);
            if (latest == null || (date != null && (latestDate == null || date.isAfter(latestDate)))) {
                latest = status;
                latestDate = date;
                sameDayConflict = false;
            } else if (date != null && date.equals(latestDate) && status != latest) {
                sameDayConflict = true;
            }
        }
        if (latest == null) {
            return ReceptorResult.UNKNOWN;
        }
        boolean conflicting = seenPositive && seenNegative;
        if (sameDayConflict) {
            notes.add(label + " results of " + latestDate + " disagree: status taken as unknown.");
            return new ReceptorResult(ReceptorResult.Status.UNKNOWN, latestDate, true);
        }
        if (conflicting) {
            notes.add(label + " results disagree over time: the latest (" + latestDate + ") is used.");
        }
        return new ReceptorResult(latest, latestDate, conflicting);
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

    /** N category at primary diagnosis: the earliest recorded one. */
    private NodalStatus nodalStatus(List<Observation> observations) {
        NodalStatus status = NodalStatus.UNKNOWN;
        LocalDate earliest = null;
        for (Observation observation : observations) {
            if (!terminology.containsAny(ValueSetId.N_CATEGORY, observation.getCode())) {
                continue;
            }
            NodalStatus value = nCategory(observation.getValue());
            LocalDate date = effective(observation);
            if (value != NodalStatus.UNKNOWN && (status == NodalStatus.UNKNOWN
                    || (date != null && (earliest == null || date.isBefore(earliest))))) {
                status = value;
                earliest = date;
            }
        }
        return status;
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

    private Progression progression(List<Observation> observations) {
        Progression latest = Progression.UNKNOWN;
        LocalDate latestDate = null;
        for (Observation observation : observations) {
            if (!terminology.containsAny(ValueSetId.DISEASE_STATUS, observation.getCode())
                    || !(observation.getValue() instanceof CodeableConcept value)) {
                continue;
            }
            Progression p = terminology.containsAny(ValueSetId.DISEASE_PROGRESSING, value) ? Progression.PROGRESSING
                    : terminology.containsAny(ValueSetId.DISEASE_NOT_PROGRESSING, value) ? Progression.NOT_PROGRESSING
                    : Progression.UNKNOWN;
            LocalDate date = effective(observation);
            if (p != Progression.UNKNOWN && (latest == Progression.UNKNOWN
                    || (date != null && (latestDate == null || date.isAfter(latestDate))))) {
                latest = p;
                latestDate = date;
            }
        }
        return latest;
    }

    private static LocalDate effective(Observation observation) {
        LocalDate date = FhirDates.start(observation.getEffective());
        return date != null ? date : FhirDates.of(observation.getIssuedElement());
    }

    // -- therapy, surgery, imaging ----------------------------------------------------------------------------

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
        LocalDate start = FhirDates.start(effective);
        LocalDate end = effective instanceof Period p && p.hasEnd() ? FhirDates.of(p.getEndElement())
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
        LocalDate start = period != null && period.hasStart() ? FhirDates.of(period.getStartElement())
                : FhirDates.of(request.getAuthoredOnElement());
        LocalDate end = period != null && period.hasEnd() ? FhirDates.of(period.getEndElement())
                : active ? null : start;
        into.add(new TherapyPeriod(agent, start, end));
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

    private void addImaging(DiagnosticReport report, List<LocalDate> into) {
        if (report.getStatus() == DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR
                || !terminology.containsAny(ValueSetId.IMAGING_CATEGORY, report.getCategory())) {
            return;
        }
        LocalDate date = FhirDates.start(report.getEffective());
        into.add(date != null ? date : FhirDates.of(report.getIssuedElement()));
    }
}
