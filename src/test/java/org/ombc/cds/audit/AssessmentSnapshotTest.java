package org.ombc.cds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.apps.sandbox.SyntheticPatients;
import org.ombc.cds.apps.sandbox.VignetteCatalogue;
import org.ombc.cds.cards.OmbcCards;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.support.Vignettes;

/**
 * The compact audit keeps the assessment, not the page: the page a clinician opens later must be the very text
 * the call would have rendered, for every demo patient and a set of random charts, and the stored form must carry
 * no patient or record id.
 */
class AssessmentSnapshotTest {

    static Stream<Named<Assessment>> charts() {
        Stream<Named<Assessment>> demos = VignetteCatalogue.cases().stream()
                .map(d -> Named.of(d.id(), Vignettes.assess(PatientBundle.bundleOf(d.resources()))));
        Stream<Named<Assessment>> random = SyntheticPatients.randomCharts(11, 60).stream()
                .map(c -> Named.of("random " + c.patientId(), Vignettes.assess(c)));
        return Stream.concat(demos, random).filter(n -> n.getPayload().metastatic());
    }

    @ParameterizedTest
    @MethodSource("charts")
    void thePageRenderedFromTheStoredAssessmentIsThePageOfTheCall(Assessment a) {
        AssessmentSnapshot.Encoded stored = AssessmentSnapshot.encode(a);

        assertThat(AssessmentSnapshot.page(stored.body())).isEqualTo(OmbcCards.fullDetail(a));
        assertThat(stored.knowledgeVersion()).isEqualTo(a.knowledgeVersion());
    }

    @ParameterizedTest
    @MethodSource("charts")
    void theSameAssessmentIsStoredUnderTheSameHashAndHoldsNoRecordId(Assessment a) throws Exception {
        AssessmentSnapshot.Encoded first = AssessmentSnapshot.encode(a);
        AssessmentSnapshot.Encoded again = AssessmentSnapshot.encode(AssessmentSnapshot.decode(first.body()));

        assertThat(again.hash()).isEqualTo(first.hash());
        String json;
        try (var in = new InflaterInputStream(
                new ByteArrayInputStream(Base64.getDecoder().decode(first.body())))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> ids =
                a.record().lesions().stream().map(Lesion::conditionId).toList();
        for (String id : ids) {
            assertThat(json).doesNotContain("\"" + id + "\"");
        }
        if (a.record().patientId() != null) {
            assertThat(json).doesNotContain(a.record().patientId());
        }
        assertThat(json).doesNotContain("conditionId").doesNotContain("patientId");
        assertThat(first.body().length()).as("stored characters").isLessThan(8_000);
    }
}
