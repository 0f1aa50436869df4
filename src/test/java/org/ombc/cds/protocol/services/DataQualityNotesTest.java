package org.ombc.cds.protocol.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.cards.OmbcCards;
import org.ombc.cds.chart.ChartAssessment;
import org.ombc.cds.chart.fetch.PatientData;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.protocol.json.CdsHooksModel.Card;
import org.ombc.cds.support.Vignettes;

/**
 * What the mapper dropped or could not read reaches the clinician: the record's notes are problem lines of the
 * data-quality card (clinical-rules 8), after what could not be obtained, each once.
 */
class DataQualityNotesTest {

    private final OmbcCards cards = new OmbcCards(Vignettes.FHIR, new ObjectMapper(), Vignettes.TERMINOLOGY, "test");

    @Test
    void aFutureDateAndFreeTextRecordsAreNamedOnTheDataQualityCard() {
        PatientBundle chart = PatientBundle.patient("dq")
                .primary("2016-01-01")
                .luminal("2016-01-05")
                .metastasis("m1", sct("94222008"), "9999-12-31")
                .imaging("2021-03-01");
        chart.add(chart.condition(
                "txt", new org.hl7.fhir.r4.model.CodeableConcept().setText("lung mets"), "2021-03-01", "active"));
        Assessment a = Vignettes.assess(chart);
        List<String> problems = ChartAssessment.problems(
                new PatientData(List.of(), List.of("prefetch key medications could not be read")), a.record());
        assertThat(problems).hasSize(3).first().isEqualTo("prefetch key medications could not be read");

        List<Card> shown = cards.cards(a, "dq", problems);
        assertThat(shown).hasSize(2);
        assertThat(shown.get(1).detail())
                .contains(
                        "- Metastasis (Condition/m1): the onset 9999-12-31 lies in the future and was ignored; correct the date "
                                + "in the record.",
                        "- 1 record is free text only (Condition/txt-",
                        "date of each metastasis");
    }

    @Test
    void aCleanRecordAddsNoProblem() {
        Assessment a = Vignettes.assess(PatientBundle.patient("clean")
                .primary("2016-01-01")
                .luminal("2016-01-05")
                .metastasis("m1", sct("94222008"), "2021-03-01")
                .imaging("2021-03-01"));
        assertThat(ChartAssessment.problems(new PatientData(List.of(), List.of()), a.record()))
                .isEmpty();
    }
}
