package org.ombc.cds.chart.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.ombc.cds.fhir.ResourceIds;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.Dated;
import org.ombc.cds.model.StagedMetastasis;

/**
 * Staging that records distant metastases for the breast primary (clinical-rules 10, "Staging says metastatic"): a
 * TNM M category of M1 (any subcategory) or a stage group IV, in a staging Observation or in the primary Condition's
 * own {@code stage.summary}. Staging of another cancer (an Observation whose focus is not the breast primary) says
 * nothing about the breast cancer.
 */
final class StagingReader {

    /** M1 and its subcategories, also as cM1, pM1, ypM1, inside a display such as "AJCC cM1 (qualifier value)". */
    private static final Pattern M1_CATEGORY =
            Pattern.compile("(?<![A-Za-z0-9])(?:Y?[CP])?M1(?![0-9])", Pattern.CASE_INSENSITIVE);
    /** Stage group IV (IVA, IVB, 4): "stage IV", "Stage 4 (qualifier value)", or the value alone. */
    private static final Pattern STAGE_IV =
            Pattern.compile("\\bstage\\s*(?:IV|4)[A-C]?\\b|^\\s*(?:IV|4)[A-C]?\\s*$", Pattern.CASE_INSENSITIVE);

    private final Terminology terminology;
    private final RecordDates dates;

    StagingReader(Terminology terminology, RecordDates dates) {
        this.terminology = terminology;
        this.dates = dates;
    }

    /**
     * The earliest staging that says metastatic; a staging Observation dates it by its effective date, a primary's
     * stage summary by the primary's onset (the staging at diagnosis). Empty when none says so.
     *
     * @param primaries the Conditions read as the breast primary
     */
    Read<Optional<StagedMetastasis>> staged(List<Observation> observations, List<Condition> primaries) {
        Notes notes = new Notes();
        Set<String> primaryIds = new java.util.HashSet<>();
        primaries.forEach(c -> primaryIds.add(ResourceIds.idOf(c)));
        List<Dated<String>> saying = new ArrayList<>();
        for (Observation observation : observations) {
            boolean m1 = terminology.containsAny(ValueSetId.STAGING_M_CATEGORY, observation.getCode())
                    && says(observation.getValue(), ValueSetId.M1_CATEGORY, M1_CATEGORY);
            boolean stageIv = terminology.containsAny(ValueSetId.STAGE_GROUP, observation.getCode())
                    && says(observation.getValue(), ValueSetId.STAGE_IV, STAGE_IV);
            if ((m1 || stageIv) && aboutTheBreastPrimary(observation, primaryIds)) {
                saying.add(new Dated<>(
                        notes.take(dates.effective(observation)), "Observation/" + ResourceIds.idOf(observation)));
            }
        }
        for (Condition primary : primaries) {
            for (Condition.ConditionStageComponent stage : primary.getStage()) {
                if (says(stage.getSummary(), ValueSetId.STAGE_IV, STAGE_IV)
                        || says(stage.getSummary(), ValueSetId.M1_CATEGORY, M1_CATEGORY)) {
                    DateInterval onset = notes.take(dates.onset(primary));
                    saying.add(new Dated<>(onset, "Condition/" + ResourceIds.idOf(primary)));
                }
            }
        }
        List<Dated<String>> earliest = Dated.earliest(saying);
        if (earliest.isEmpty()) {
            return notes.with(Optional.empty());
        }
        String first = earliest.stream().map(Dated::value).sorted().findFirst().orElseThrow();
        return notes.with(
                Optional.of(new StagedMetastasis(first, earliest.get(0).date())));
    }

    /** No focus: staging of the patient's cancer; a focus must name a breast primary Condition. */
    private static boolean aboutTheBreastPrimary(Observation observation, Set<String> primaryIds) {
        if (!observation.hasFocus()) {
            return true;
        }
        for (Reference focus : observation.getFocus()) {
            String target = ResourceIds.referencedId(focus);
            if (target != null && primaryIds.contains(target)) {
                return true;
            }
        }
        return false;
    }

    /** A value coded in {@code valueSet}, or a code, display or text the pattern reads. */
    private boolean says(Type value, ValueSetId valueSet, Pattern pattern) {
        if (value instanceof CodeableConcept concept && terminology.containsAny(valueSet, concept)) {
            return true;
        }
        for (String text : ObservationReader.texts(value)) {
            if (pattern.matcher(text.trim()).find()) {
                return true;
            }
        }
        return false;
    }
}
