package org.ombc.cds.apps.smart.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.apps.smart.timeline.Timeline.MarkKind;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.EstroEortcState;
import org.ombc.cds.support.Vignettes;

/** What the tumour-board timeline draws for each kind of history (Guckenberger 2020 states). */
class TimelineModelTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static Timeline timeline(PatientBundle chart) {
        return TimelineModel.of(Vignettes.assess(chart), TODAY);
    }

    private static boolean hasMark(Timeline t, MarkKind kind) {
        return t.marks().stream().anyMatch(m -> m.kind() == kind);
    }

    @Test
    void fiveLesionsAndAnAxillaryNodeOfUnknownSideAreLabelledWithTheNodeNotAsAnUnknownCount() {
        Timeline t = timeline(PatientBundle.patient("tl-axilla")
                .primary("2016-01-01")
                .luminal("2016-01-05")
                .boneLesions(5, "2021-03-01")
                .metastasis("ax", sct("128462008"), sct("68171009"), "2021-03-01"));

        assertThat(t.stateLabel()).isEqualTo("Metastatic, 5 lesions plus an axillary node of unknown side");
    }

    @Test
    void synchronousDiseaseShowsThePrimaryTheOmdDateAndTheSixMonthMarkThatDecidedIt() {
        Timeline t = timeline(PatientBundle.patient("tl-sync")
                .primary("2024-01-10")
                .luminal("2024-01-12")
                .boneLesions(2, "2024-03-01")
                .imaging("2024-02-20"));

        assertThat(t.stateLabel()).contains("synchronous");
        assertThat(t.rows()).extracting(Timeline.SiteRow::site).containsExactly("bone");
        assertThat(t.rows().get(0).lesions()).allSatisfy(bar -> {
            assertThat(bar.ongoing()).isTrue();
            assertThat(bar.end()).isEqualTo(TODAY);
        });
        assertThat(hasMark(t, MarkKind.PRIMARY_DIAGNOSIS)).isTrue();
        assertThat(hasMark(t, MarkKind.OMD_DIAGNOSIS)).isTrue();
        assertThat(t.marks())
                .filteredOn(m -> m.kind() == MarkKind.SIX_MONTHS_AFTER_PRIMARY)
                .singleElement()
                .satisfies(m -> assertThat(m.at().earliest()).isEqualTo(LocalDate.of(2024, 7, 10)));
        assertThat(t.imaging()).containsExactly(LocalDate.of(2024, 2, 20));
        assertThat(t.from()).isBefore(LocalDate.of(2024, 1, 10));
        assertThat(t.to()).isAfter(TODAY);
    }

    @Test
    void repeatDiseaseShowsTheResolvedEpisodeAndNoSixMonthMark() {
        Assessment a = Vignettes.assess(PatientBundle.patient("tl-repeat")
                .primary("2015-02-01")
                .luminal("2015-02-03")
                .pastMetastasis("old", sct("94381002"), "2019-04-01", "2020-01-15")
                .metastasis("new", sct("94222008"), "2025-06-01")
                .imaging("2025-06-10"));
        assertThat(a.estroEortcState()).isEqualTo(EstroEortcState.REPEAT_OLIGORECURRENCE);

        Timeline t = TimelineModel.of(a, TODAY);

        assertThat(t.rows()).extracting(Timeline.SiteRow::site).containsExactly("liver", "bone");
        Timeline.LesionBar resolved = t.rows().get(0).lesions().get(0);
        assertThat(resolved.ongoing()).isFalse();
        assertThat(resolved.end()).isEqualTo(LocalDate.of(2020, 1, 15));
        assertThat(hasMark(t, MarkKind.SIX_MONTHS_AFTER_PRIMARY))
                .as("repeat disease is not timed")
                .isFalse();
        assertThat(hasMark(t, MarkKind.TWENTY_FOUR_MONTHS_AFTER_PRIMARY)).isTrue();
    }

    @Test
    void inducedDiseaseSaysItsChanceOfCureIsPoorest() {
        PatientBundle chart = PatientBundle.patient("tl-induced")
                .primary("2018-01-01")
                .luminal("2018-01-05")
                .endocrineTherapy("2023-01-01", null);
        for (int i = 0; i < 7; i++) {
            chart.pastMetastasis("p" + i, sct("94222008"), "2023-01-01", "2024-01-01");
        }
        chart.metastasis("left", sct("94381002"), "2023-01-01").progression(false, "2024-02-01");
        Assessment a = Vignettes.assess(chart);
        assertThat(a.estroEortcState()).isNotNull();
        assertThat(a.estroEortcState().isInduced()).isTrue();

        Timeline t = TimelineModel.of(a, TODAY);

        assertThat(t.stateLabel()).contains("induced", "poorest chance of cure");
        assertThat(t.therapies()).singleElement().satisfies(band -> {
            assertThat(band.ongoing()).isTrue();
            assertThat(band.end()).isEqualTo(TODAY);
        });
    }

    @Test
    void ongoingAndFinishedTherapyAreBandsWithTheirEnds() {
        Timeline t = timeline(PatientBundle.patient("tl-therapy")
                .primary("2016-01-01")
                .luminal("2016-01-05")
                .endocrineTherapy("2016-03-01", "2021-03-01")
                .endocrineTherapy("2024-05-01", null)
                .boneLesions(1, "2024-04-01"));

        assertThat(t.therapies()).hasSize(2);
        assertThat(t.therapies().get(0).ongoing()).isFalse();
        assertThat(t.therapies().get(0).end()).isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(t.therapies().get(1).ongoing()).isTrue();
    }

    @Test
    void aNonMetastaticPatientHasNoSiteRowsAndNoTwentyFourMonthMark() {
        Timeline t =
                timeline(PatientBundle.patient("tl-none").primary("2022-01-01").luminal("2022-01-05"));

        assertThat(t.rows()).isEmpty();
        assertThat(t.stateLabel()).isEqualTo("No current distant metastasis");
        assertThat(hasMark(t, MarkKind.TWENTY_FOUR_MONTHS_AFTER_PRIMARY)).isFalse();
    }

    @Test
    void partialDatesAreDrawnAsRanges() {
        DateSpan year = new DateSpan(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));
        Timeline t = new Timeline(
                LocalDate.of(2018, 1, 1),
                LocalDate.of(2027, 1, 1),
                TODAY,
                "state",
                java.util.List.of(new Timeline.SiteRow(
                        "bone", "Bone", java.util.List.of(new Timeline.LesionBar(year, TODAY, true, 2)))),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(new Timeline.Mark(MarkKind.PRIMARY_DIAGNOSIS, "Primary", year)));

        String svg = TimelineSvg.render(t);

        assertThat(year.isUncertain()).isTrue();
        assertThat(svg).contains("data-uncertain=\"true\"", "class=\"uncertain-range\"", "Jan 2019 - Dec 2019");
        assertThat(svg.split("class=\"uncertain-range\"", -1)).hasSize(3);
    }
}
