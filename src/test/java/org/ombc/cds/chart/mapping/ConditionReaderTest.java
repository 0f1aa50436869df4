package org.ombc.cds.chart.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ombc.cds.apps.sandbox.PatientBundle.code;
import static org.ombc.cds.apps.sandbox.PatientBundle.icd;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.Laterality;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.model.PrimaryTumour;
import org.ombc.cds.model.Site;

/** The primary and its metastases from Conditions (clinical-rules 1, 2 and 8). */
class ConditionReaderTest {

    private static final LesionMeasures NO_MEASURES = new LesionMeasures(Map.of(), Set.of(), Map.of());

    private final ConditionReader reader = new ConditionReader(Readers.TERMINOLOGY, Readers.DATES);

    private static List<Condition> conditions(PatientBundle chart) {
        return chart.resources().stream()
                .filter(Condition.class::isInstance)
                .map(Condition.class::cast)
                .toList();
    }

    @Test
    void duplicatesOfThePrimaryAreOnePrimaryWithTheEarliestDateAndTheSideAnyOfThemStates() {
        PatientBundle chart = PatientBundle.patient("p")
                .primary("2016-03", null)
                .primaryCoded(icd("C50.912"), "2017-01-01")
                .primary(null, null);
        Read<Optional<PrimaryTumour>> read = reader.primary(conditions(chart));
        PrimaryTumour primary = read.value().orElseThrow();
        assertThat(primary.diagnosedDate()).isEqualTo(DateInterval.parse("2016-03"));
        assertThat(primary.side()).isEqualTo(Laterality.LEFT);
        assertThat(primary.inactive()).as("one of them is active").isFalse();
        assertThat(read.notes()).isEmpty();
    }

    @Test
    void twoKnownSidesMakeTheSideUnknownAndAreNamed() {
        PatientBundle chart =
                PatientBundle.patient("p").primary("2016-03-01", "80248007").primary("2016-03-01", "73056007");
        Read<Optional<PrimaryTumour>> read = reader.primary(conditions(chart));
        assertThat(read.value().orElseThrow().side()).isEqualTo(Laterality.UNKNOWN);
        assertThat(read.value().orElseThrow().inactive())
                .as("both in remission")
                .isTrue();
        assertThat(read.notes())
                .singleElement()
                .asString()
                .startsWith(
                        "Breast cancer is recorded on both sides (Condition/primary-1 left, Condition/primary-2 right)");
    }

    @Test
    void noBreastCancerConditionIsNoPrimary() {
        PatientBundle chart = PatientBundle.patient("p").metastasis("m1", sct("94222008"), "2020-01-01");
        assertThat(reader.primary(conditions(chart)).value()).isEmpty();
    }

    @Test
    void bodySiteWinsOverTheCodeAndAGenericCodeTakesItsSiteFromBodySite() {
        PatientBundle chart = PatientBundle.patient("p")
                .metastasis("b", sct("94222008"), sct("10200004"), "2020-01-01")
                .metastasis("g", sct("128462008"), sct("10200004"), "2020-01-01")
                .metastasis("s", sct("128462008"), sct("56873002"), "2020-01-01") // the sternum is a bone
                .metastasis("o", icd("C79.9"), "2020-01-01");
        assertThat(reader.lesions(conditions(chart), NO_MEASURES).value())
                .extracting(Lesion::conditionId, Lesion::site, Lesion::sternal)
                .as("clinical-rules 10: the site comes from bodySite, else from the code")
                .containsExactly(
                        tuple("b", Site.LIVER, false),
                        tuple("g", Site.LIVER, false),
                        tuple("o", Site.OTHER, false),
                        tuple("s", Site.BONE, true));
    }

    @Test
    void anAxillaryNodeTakesItsSideFromAnMcodeLateralityExtensionOnBodySite() {
        CodeableConcept axilla = sct("68171009");
        axilla.addExtension(
                "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier", sct("24028007"));
        PatientBundle chart = PatientBundle.patient("p").metastasis("n", icd("C77.3"), axilla, "2020-01-01");
        Lesion lesion = reader.lesions(conditions(chart), NO_MEASURES).value().get(0);
        assertThat(lesion.site()).isEqualTo(Site.AXILLARY_LYMPH_NODE);
        assertThat(lesion.side()).isEqualTo(Laterality.RIGHT);
    }

    @Test
    void withoutAClinicalStatusALesionIsCurrentUnlessAbatedAndItsCountComesFromTheMeasures() {
        PatientBundle chart = PatientBundle.patient("p");
        Condition abated = chart.condition("a", sct("94381002"), "2019-01-01", "active");
        abated.setClinicalStatus(null).setAbatement(new DateTimeType("2020-06"));
        Condition open = chart.condition("c", sct("94381002"), "2021-01-01", "active");
        open.setClinicalStatus(null);
        chart.add(abated).add(open);
        Read<List<Lesion>> read = reader.lesions(
                conditions(chart), new LesionMeasures(Map.of("a-1", 4), Set.of("c-2"), Map.of("a-1", 22.0)));
        assertThat(read.value())
                .containsExactly(
                        new Lesion(
                                "a-1",
                                Site.LIVER,
                                false,
                                Laterality.UNKNOWN,
                                4,
                                DateInterval.parse("2019-01-01"),
                                DateInterval.parse("2020-06"),
                                false,
                                22.0),
                        new Lesion(
                                "c-2",
                                Site.LIVER,
                                false,
                                Laterality.UNKNOWN,
                                null,
                                DateInterval.parse("2021-01-01"),
                                null,
                                true,
                                null));
    }

    @Test
    void aRefutedOrEnteredInErrorConditionDoesNotExist() {
        Condition c = PatientBundle.patient("p").condition("m", sct("94222008"), null, "active");
        assertThat(reader.exists(c)).isTrue();
        c.setVerificationStatus(code("http://terminology.hl7.org/CodeSystem/condition-ver-status", "refuted"));
        assertThat(reader.exists(c)).isFalse();
    }
}
