package org.ombc.cds.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The one "latest (or earliest) dated result wins" rule of clinical-rules 1 and 8. */
class DatedTest {

    private static Dated<String> at(@Nullable String date, String value) {
        return new Dated<>(date == null ? null : DateInterval.parse(date), value);
    }

    @Test
    void theLatestDayWinsAndAnUndatedResultCannotBePlacedAgainstIt() {
        List<Dated<String>> results =
                List.of(at("2019-05-01", "old"), at(null, "undated"), at("2021-02", "new"), at("2020", "middle"));
        assertThat(Dated.latest(results)).extracting(Dated::value).containsExactly("new");
        assertThat(Dated.earliest(results)).extracting(Dated::value).containsExactly("old");
    }

    @Test
    void resultsOfTheSameFirstDayAreKeptTogetherInTheOrderGiven() {
        List<Dated<String>> results = List.of(at("2021-02-01", "day"), at("2020", "older"), at("2021-02", "month"));
        assertThat(Dated.latest(results)).extracting(Dated::value).containsExactly("day", "month");
    }

    @Test
    void withNothingDatedTheUndatedResultsCountAndWithNothingThereIsNothing() {
        assertThat(Dated.earliest(List.of(at(null, "a"), at(null, "b"))))
                .extracting(Dated::value)
                .containsExactly("a", "b");
        assertThat(Dated.latest(List.<Dated<String>>of())).isEmpty();
    }
}
