package org.ombc.cds.chart.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.fhir.ResourceIds;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.Laterality;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.model.PrimaryTumour;

/**
 * Reads the breast cancer and its metastases from Conditions: the codes, sites, sides and statuses of
 * clinical-rules 1 and 2, with the decisions of clinical-rules 8 on duplicates of the primary, sides stated by the
 * code, dates as intervals and Conditions without a clinicalStatus.
 */
final class ConditionReader {

    private final Terminology terminology;
    private final RecordDates dates;
    private final CancerConditions cancer;
    /** What each Condition of this chart is, asked once: several readers ask of every Condition. */
    private final java.util.IdentityHashMap<Condition, CancerConditions.Kind> kinds = new java.util.IdentityHashMap<>();

    ConditionReader(Terminology terminology, RecordDates dates) {
        this.terminology = terminology;
        this.dates = dates;
        this.cancer = new CancerConditions(terminology);
    }

    /** What the Condition is to the rules: primary, metastasis, not breast cancer, an unplaced cancer, nothing. */
    CancerConditions.Kind kindOf(Condition condition) {
        return kinds.computeIfAbsent(condition, cancer::kindOf);
    }

    /** A refuted or entered-in-error Condition does not exist (clinical-rules 2). */
    boolean exists(Condition condition) {
        return !terminology.containsAny(ValueSetId.VERIFICATION_STATUS_VOID, condition.getVerificationStatus());
    }

    /**
     * Several breast cancer Conditions are one primary (clinical-rules 8): the earliest date, the side any of
     * them states; only two different known sides make the side unknown (bilateral). Empty when none is recorded.
     */
    Read<Optional<PrimaryTumour>> primary(List<Condition> conditions) {
        Notes notes = new Notes();
        String id = null;
        DateInterval diagnosed = null;
        Set<Laterality> sides = EnumSet.noneOf(Laterality.class);
        List<String> sideRecords = new ArrayList<>();
        boolean inactive = true;
        for (Condition condition : conditions) {
            if (kindOf(condition) != CancerConditions.Kind.PRIMARY) {
                continue;
            }
            inactive &= !isCurrent(condition, notes.take(dates.abatement(condition)));
            String thisId = ResourceIds.idOf(condition);
            DateInterval date = notes.take(dates.onset(condition));
            boolean earlier = date != null && (diagnosed == null || date.start().isBefore(diagnosed.start()));
            boolean tie = (date == null
                            ? diagnosed == null
                            : diagnosed != null && date.start().equals(diagnosed.start()))
                    && id != null
                    && thisId.compareTo(id) < 0;
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
            return notes.with(Optional.empty());
        }
        if (sides.size() > 1) {
            sideRecords.sort(null);
            notes.add("Breast cancer is recorded on both sides (" + String.join(", ", sideRecords)
                    + "): the side is taken as unknown, so an axillary node cannot be called ipsi- or "
                    + "contralateral; correct the side if this is not bilateral disease.");
        }
        return notes.with(Optional.of(new PrimaryTumour(id, diagnosed, onlySide(sides), inactive)));
    }

    /**
     * Every metastasis Condition, current and past, ordered by id; how many lesions each stands for and its size
     * come from the Observations focused on it (clinical-rules 1 and 2).
     */
    Read<List<Lesion>> lesions(List<Condition> conditions, LesionMeasures measures) {
        Notes notes = new Notes();
        List<Lesion> lesions = new ArrayList<>();
        for (Condition condition : conditions) {
            if (kindOf(condition) == CancerConditions.Kind.METASTASIS) {
                String id = ResourceIds.idOf(condition);
                DateInterval abatement = notes.take(dates.abatement(condition));
                boolean current = isCurrent(condition, abatement);
                boolean sternal = terminology.containsAny(ValueSetId.BODY_SITE_STERNUM, condition.getBodySite());
                lesions.add(new Lesion(
                        id,
                        cancer.siteOf(condition),
                        sternal,
                        onlySide(sidesOf(condition)),
                        measures.countOf(id),
                        notes.take(dates.onset(condition)),
                        current ? null : abatement,
                        current,
                        measures.sizeMmOf(id)));
            }
        }
        lesions.sort(Comparator.comparing(Lesion::conditionId));
        return notes.with(lesions);
    }

    /** clinicalStatus active, recurrence or relapse; without a clinicalStatus, current unless abated (rules 8). */
    private boolean isCurrent(Condition condition, @Nullable DateInterval abatement) {
        return condition.hasClinicalStatus()
                ? terminology.containsAny(ValueSetId.CLINICAL_STATUS_CURRENT, condition.getClinicalStatus())
                : abatement == null;
    }

    private static Laterality onlySide(Set<Laterality> sides) {
        return sides.size() == 1 ? sides.iterator().next() : Laterality.UNKNOWN;
    }

    /**
     * The sides a Condition states: from the code (ICD-10-CM C50.xx1 right, C50.xx2 left; SNOMED left or right
     * female breast), bodySite codings, or a laterality qualifier or mCODE laterality extension (clinical-rules
     * 8). Empty when none; both when the Condition contradicts itself.
     */
    private Set<Laterality> sidesOf(Condition condition) {
        List<CodeableConcept> evidence = new ArrayList<>(condition.getBodySite());
        evidence.add(condition.getCode());
        evidence.addAll(lateralityExtensions(condition.getExtension()));
        for (CodeableConcept bodySite : condition.getBodySite()) {
            evidence.addAll(lateralityExtensions(bodySite.getExtension()));
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

    private static List<CodeableConcept> lateralityExtensions(List<Extension> extensions) {
        List<CodeableConcept> values = new ArrayList<>();
        for (Extension extension : extensions) {
            if (extension.getUrl() != null
                    && extension.getUrl().toLowerCase(Locale.ROOT).contains("laterality")
                    && extension.getValue() instanceof CodeableConcept concept) {
                values.add(concept);
            }
        }
        return values;
    }
}
