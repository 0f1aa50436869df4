package org.ombc.cds.chart.mapping;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.fhir.ResourceIds;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.Dated;
import org.ombc.cds.model.DiseaseStatus;
import org.ombc.cds.model.NodalStatus;
import org.ombc.cds.model.Progression;

/**
 * Reads the Observations other than receptors (clinical-rules 1): the N category at primary diagnosis, the
 * disease status on imaging (LOINC 97509-4) and the lesion count and size of a metastasis Condition; dates as
 * clinical-rules 8 reads them.
 */
final class ObservationReader {

    private static final Pattern N_CATEGORY = Pattern.compile("^(?:Y?[CP])?N([0-3X])", Pattern.CASE_INSENSITIVE);

    private final Terminology terminology;
    private final RecordDates dates;

    ObservationReader(Terminology terminology, RecordDates dates) {
        this.terminology = terminology;
        this.dates = dates;
    }

    /** An entered-in-error or cancelled Observation was never a result. */
    static boolean exists(Observation observation) {
        Observation.ObservationStatus status = observation.getStatus();
        return status != Observation.ObservationStatus.ENTEREDINERROR
                && status != Observation.ObservationStatus.CANCELLED;
    }

    /**
     * N category at primary diagnosis: the earliest readable one (N0 node-negative, N1-N3 node-positive); when
     * none is dated, the first.
     */
    Read<NodalStatus> nodalStatus(List<Observation> observations) {
        Notes notes = new Notes();
        List<Dated<NodalStatus>> known = new ArrayList<>();
        for (Observation observation : observations) {
            if (terminology.containsAny(ValueSetId.N_CATEGORY, observation.getCode())) {
                NodalStatus value = nCategory(observation.getValue());
                DateInterval date = notes.take(dates.effective(observation));
                if (value != NodalStatus.UNKNOWN) {
                    known.add(new Dated<>(date, value));
                }
            }
        }
        List<Dated<NodalStatus>> earliest = Dated.earliest(known);
        return notes.with(
                earliest.isEmpty() ? NodalStatus.UNKNOWN : earliest.get(0).value());
    }

    /** Every disease-status result, by date: the logic picks the one that counts at the OMD date. */
    Read<List<DiseaseStatus>> diseaseStatuses(List<Observation> observations) {
        Notes notes = new Notes();
        List<DiseaseStatus> statuses = new ArrayList<>();
        for (Observation observation : observations) {
            if (!terminology.containsAny(ValueSetId.DISEASE_STATUS, observation.getCode())) {
                continue;
            }
            Progression p = Progression.UNKNOWN;
            if (observation.getValue() instanceof CodeableConcept value) {
                p = terminology.containsAny(ValueSetId.DISEASE_PROGRESSING, value)
                        ? Progression.PROGRESSING
                        : terminology.containsAny(ValueSetId.DISEASE_NOT_PROGRESSING, value)
                                ? Progression.NOT_PROGRESSING
                                : Progression.UNKNOWN;
            }
            statuses.add(new DiseaseStatus(notes.take(dates.effective(observation)), p));
        }
        statuses.sort(Comparator.comparing(ObservationReader::firstDay).thenComparing(DiseaseStatus::status));
        return notes.with(statuses);
    }

    /**
     * The {@code metastatic-lesion-count} and the largest size of each metastasis Condition, found by the
     * Observation's focus. Of several counts for one Condition the later in the record replaces the earlier,
     * unless it is dated before it.
     */
    Read<LesionMeasures> lesionMeasures(List<Observation> observations) {
        Notes notes = new Notes();
        Map<String, Integer> counts = new HashMap<>();
        Set<String> unusableCounts = new HashSet<>();
        Map<String, Double> sizes = new HashMap<>();
        Map<String, @Nullable LocalDate> countDates = new HashMap<>();
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
                    DateInterval effective = notes.take(dates.effective(observation));
                    LocalDate date = effective == null ? null : effective.start();
                    LocalDate previous = countDates.get(target);
                    if (previous != null && date != null && date.isBefore(previous)) {
                        continue;
                    }
                    countDates.put(target, date);
                    if (observation.getValue() instanceof IntegerType n && n.getValue() != null && n.getValue() > 0) {
                        counts.put(target, n.getValue());
                        unusableCounts.remove(target);
                    } else {
                        unusableCounts.add(target);
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
        return notes.with(new LesionMeasures(counts, unusableCounts, sizes));
    }

    private static LocalDate firstDay(DiseaseStatus status) {
        DateInterval date = status.date();
        return date == null ? LocalDate.MIN : date.start();
    }

    private static @Nullable Double millimetres(Quantity quantity) {
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

    /** Any coding, display or text reading N0 (also cN0, pN0, ypN0), N1-N3; NX and the rest are unknown. */
    private static NodalStatus nCategory(Type value) {
        for (String text : texts(value)) {
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

    /** The codes, displays and text of a coded value, or a string value. */
    static List<String> texts(@Nullable Type value) {
        List<@Nullable String> texts = new ArrayList<>();
        if (value instanceof CodeableConcept concept) {
            for (Coding coding : concept.getCoding()) {
                texts.add(coding.getCode());
                texts.add(coding.getDisplay());
            }
            texts.add(concept.getText());
        } else if (value instanceof StringType string) {
            texts.add(string.getValue());
        }
        List<String> present = new ArrayList<>();
        for (String text : texts) {
            if (text != null) {
                present.add(text);
            }
        }
        return present;
    }
}
