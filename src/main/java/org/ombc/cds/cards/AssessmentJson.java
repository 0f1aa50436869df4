package org.ombc.cds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.Factor;
import org.ombc.cds.logic.MissingData;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.logic.Trial;

/**
 * The public assessment contract: the body of {@code POST /ombc/assessment} and the {@code ombc-assessment}
 * extension of the main card. Names and order are fixed (fhir-profiles/assessment.schema.json); nulls are
 * written as null, never omitted.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AssessmentJson(
        boolean breastCancer,
        boolean metastatic,
        @Nullable Integer lesionCount,
        @Nullable Integer organCount,
        List<String> sites,
        @Nullable String oligometastatic,
        @Nullable String estroEortcState,
        @Nullable String subtype,
        @Nullable Integer diseaseFreeIntervalMonths,
        List<String> favorableFactors,
        List<String> unfavorableFactors,
        List<String> recommendations,
        List<String> missingData,
        List<String> trials,
        String knowledgeVersion) {

    public static AssessmentJson of(Assessment a) {
        return new AssessmentJson(
                a.breastCancer(),
                a.metastatic(),
                a.lesionCount(),
                a.organCount(),
                a.sites(),
                a.oligometastatic() == null ? null : a.oligometastatic().code(),
                a.estroEortcState() == null ? null : a.estroEortcState().code(),
                a.breastCancer() ? a.subtype().code() : null,
                a.diseaseFreeIntervalMonths(),
                a.favorableFactors().stream().map(Factor::code).toList(),
                a.unfavorableFactors().stream().map(Factor::code).toList(),
                a.recommendations().stream().map(Recommendation::code).toList(),
                a.missingData().stream().map(MissingData::code).toList(),
                a.trials().stream().map(Trial::nct).sorted().toList(),
                a.knowledgeVersion());
    }
}
