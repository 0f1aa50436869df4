package org.ombc.cds.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule table against the words of clinical-rules 6, and the words against {@link Thresholds}. */
class RecommendationRuleTableTest {

    /** clinical-rules 6, last paragraph, as the rules list them. */
    private static final List<String> METASTASIS_DIRECTED = List.of(
            "mdt-discussion",
            "sabr",
            "metastasis-surgery",
            "liver-rfa",
            "brain-radiosurgery",
            "primary-tumor-surgery",
            "clinical-trial");

    @Test
    void metastasisDirectedTherapyIsNeverGivenWhenOligometastaticIsNo() {
        for (Recommendation r : Recommendation.values()) {
            boolean directed = METASTASIS_DIRECTED.contains(r.code());
            assertThat(r.isMetastasisDirected()).as(r.code()).isEqualTo(directed);
            assertThat(r.scope().permits(OligometastaticState.NO)).as(r.code()).isEqualTo(!directed);
            assertThat(r.scope().permits(OligometastaticState.YES)).as(r.code()).isTrue();
        }
    }

    @Test
    void ofTheMetastasisDirectedOnlyTheTumourBoardIsGivenWhenTheCountIsUnknown() {
        assertThat(Arrays.stream(Recommendation.values())
                        .filter(r -> r.isMetastasisDirected() && r.scope().permits(OligometastaticState.INDETERMINATE)))
                .containsExactly(Recommendation.MDT_DISCUSSION);
    }

    @Test
    void everyRowHasItsWordsTheDataItReadsAndItsEvidence() {
        for (Recommendation r : Recommendation.values()) {
            assertThat(r.rule()).isEqualTo("clinical-rules 6 `" + r.code() + "`: " + r.when());
            assertThat(r.needs()).as(r.code()).isNotEmpty();
            assertThat(r.evidence()).as(r.code()).isNotEmpty();
        }
    }

    @Test
    void theWordsStateTheThresholdsOfThresholds() {
        assertThat(Recommendation.LIVER_RFA.when())
                .contains("under " + Thresholds.inCentimetres(Thresholds.RFA_MAX_MM));
        assertThat(Recommendation.STAGING_IMAGING.when()).contains(Thresholds.IMAGING_WINDOW_DAYS + " days");
        assertThat(Recommendation.METASTASIS_SURGERY.shownAgainst())
                .anyMatch(f -> f.contains(Thresholds.LUNG_SHORT_DFI_MONTHS + " months or less"));
        assertThat(Factor.LONG_DISEASE_FREE_INTERVAL.label()).contains(Thresholds.LONG_DFI_MONTHS + " months");
    }

    @Test
    void thresholdsReadAsTheReviewWordsThem() {
        assertThat(Thresholds.oligometastaticRange()).isEqualTo("1-5");
        assertThat(Thresholds.inYears(36)).isEqualTo("3 years");
        assertThat(Thresholds.inCentimetres(30.0)).isEqualTo("3 cm");
        assertThat(Thresholds.inCentimetres(25.0)).isEqualTo("2.5 cm");
        assertThatThrownBy(() -> Thresholds.inYears(30)).isInstanceOf(IllegalArgumentException.class);
    }
}
