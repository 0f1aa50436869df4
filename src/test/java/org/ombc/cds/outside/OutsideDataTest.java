package org.ombc.cds.outside;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ombc.cds.cards.AssessmentJson;
import org.ombc.cds.protocol.json.CdsHooksModel;
import org.ombc.cds.protocol.services.HookOutcome;
import org.ombc.cds.support.Charts;

/**
 * FHIR data written by others (Synthea, the mCODE trial-matching examples; see docs/outside-data.md), each patient
 * beside the reading a careful oncologist gives it by clinical-rules version 3 ({@code readings.json}). Every field
 * of the reading is compared on the assessment API and on the patient-view hook; a failure names the patient, the
 * path and the field. The readings were written from the charts and the rules, not from the service's output.
 */
class OutsideDataTest {

    private static final JsonNode READINGS =
            Charts.node(OutsideCharts.read(OutsideCharts.ROOT.resolve("readings.json")));
    /** A test resource should stay reviewable: trimmed to what the service reads, a few hundred KB at most. */
    private static final long MAX_BUNDLE_BYTES = 300 * 1024;

    @TestFactory
    Stream<DynamicNode> everyPatientReadsAsTheClinicianReadsHer() {
        return OutsideCharts.bundles(OutsideCharts.ROOT).stream().map(patient -> {
            String bundle = OutsideCharts.read(OutsideCharts.ROOT.resolve(patient));
            JsonNode reading = READINGS.path(patient);
            return DynamicContainer.dynamicContainer(
                    patient,
                    Stream.of(
                            DynamicTest.dynamicTest("assessment API", () -> {
                                assertThat(reading.isObject())
                                        .as(patient + ": a reading in readings.json")
                                        .isTrue();
                                SoftAssertions soft = new SoftAssertions();
                                compare(soft, patient + " [assessment API]", reading, OutsideCharts.viaApi(bundle));
                                soft.assertAll();
                            }),
                            DynamicTest.dynamicTest("patient-view hook", () -> {
                                assertThat(reading.isObject())
                                        .as(patient + ": a reading in readings.json")
                                        .isTrue();
                                HookOutcome outcome = OutsideCharts.viaHook(bundle);
                                SoftAssertions soft = new SoftAssertions();
                                compare(soft, patient + " [hook]", reading, AssessmentJson.of(outcome.assessment()));
                                dataQuality(soft, patient + " [hook]", reading, outcome.cards());
                                soft.assertAll();
                            })));
        });
    }

    private static void compare(SoftAssertions soft, String who, JsonNode reading, AssessmentJson got) {
        soft.assertThat(got.breastCancer())
                .as(who + " breastCancer")
                .isEqualTo(reading.path("breastCancer").asBoolean());
        soft.assertThat(got.metastatic())
                .as(who + " metastatic")
                .isEqualTo(reading.path("metastatic").asBoolean());
        soft.assertThat(got.oligometastatic()).as(who + " oligometastatic").isEqualTo(text(reading, "oligometastatic"));
        soft.assertThat(got.lesionCount())
                .as(who + " lesionCount")
                .isEqualTo(
                        reading.path("lesionCount").isNull()
                                ? null
                                : reading.path("lesionCount").asInt());
        soft.assertThat(got.subtype()).as(who + " subtype").isEqualTo(text(reading, "subtype"));
        soft.assertThat(got.estroEortcState()).as(who + " estroEortcState").isEqualTo(text(reading, "estroEortcState"));
        soft.assertThat(new TreeSet<>(got.recommendations()))
                .as(who + " recommendations")
                .isEqualTo(codes(reading, "recommendations"));
        soft.assertThat(new TreeSet<>(got.missingData()))
                .as(who + " missingData")
                .isEqualTo(codes(reading, "missingData"));
    }

    /** Each expected substring on the data-quality card, case aside; no card at all when none is expected. */
    private static void dataQuality(SoftAssertions soft, String who, JsonNode reading, List<CdsHooksModel.Card> cards) {
        CdsHooksModel.Card card = OutsideCharts.dataQualityCard(cards);
        List<String> expected = new ArrayList<>();
        reading.path("dataQuality").forEach(n -> expected.add(n.asText()));
        if (expected.isEmpty()) {
            return;
        }
        soft.assertThat(card).as(who + " dataQuality: a data-quality card").isNotNull();
        if (card != null) {
            String shown = (card.summary() + "\n" + card.detail()).toLowerCase(Locale.ROOT);
            for (String line : expected) {
                soft.assertThat(shown).as(who + " dataQuality: '" + line + "'").contains(line.toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * The census of the issue: no outside breast cancer patient is silently "no breast cancer". Either the service
     * recognises her, or its data-quality card names the record it could not place (by its code or its display).
     */
    @Test
    void noOutsideBreastCancerPatientIsSilentlyWithoutBreastCancer() {
        Map<String, String> silent = new TreeMap<>();
        for (String patient : OutsideCharts.bundles(OutsideCharts.ROOT)) {
            if (!READINGS.path(patient).path("breastCancer").asBoolean()) {
                continue;
            }
            String bundle = OutsideCharts.read(OutsideCharts.ROOT.resolve(patient));
            HookOutcome outcome = OutsideCharts.viaHook(bundle);
            if (outcome.assessment().breastCancer()) {
                continue;
            }
            CdsHooksModel.Card card = OutsideCharts.dataQualityCard(outcome.cards());
            String shown = card == null ? "" : card.detail();
            boolean named = conditionNames(bundle).stream().anyMatch(shown::contains);
            if (!named) {
                silent.put(patient, card == null ? "no data-quality card" : "the card names no Condition of hers");
            }
        }
        assertThat(silent)
                .as("breast cancer patients read as 'no breast cancer' without a word")
                .isEmpty();
    }

    /** The codes and displays of a chart's Conditions: what a data-quality line would name. */
    private static List<String> conditionNames(String bundleJson) {
        List<String> names = new ArrayList<>();
        for (JsonNode entry : Charts.node(bundleJson).path("entry")) {
            JsonNode r = entry.path("resource");
            if (r.path("resourceType").asText().equals("Condition")) {
                for (JsonNode coding : r.path("code").path("coding")) {
                    names.add(coding.path("code").asText());
                    if (coding.hasNonNull("display")) {
                        names.add(coding.get("display").asText());
                    }
                }
            }
        }
        names.removeIf(String::isBlank);
        return names;
    }

    /** Each Bundle has its reading and each reading its Bundle; each source says where it comes from. */
    @Test
    void everyBundleHasAReadingAndEverySourceItsProvenance() throws Exception {
        List<String> bundles = OutsideCharts.bundles(OutsideCharts.ROOT);
        List<String> readings = new ArrayList<>();
        READINGS.fieldNames().forEachRemaining(readings::add);
        assertThat(readings).as("readings.json").containsExactlyInAnyOrderElementsOf(bundles);
        for (String patient : bundles) {
            var file = OutsideCharts.ROOT.resolve(patient);
            assertThat(Files.size(file))
                    .as(patient + ": trimmed to a reviewable size")
                    .isLessThan(MAX_BUNDLE_BYTES);
            assertThat(Files.exists(file.getParent().resolve("SOURCE.md")))
                    .as(patient + ": SOURCE.md beside it")
                    .isTrue();
            JsonNode bundle = Charts.node(OutsideCharts.read(file));
            assertThat(bundle.path("type").asText())
                    .as(patient + ": a collection Bundle")
                    .isEqualTo("collection");
            int patients = 0;
            for (JsonNode entry : bundle.path("entry")) {
                patients += entry.path("resource").path("resourceType").asText().equals("Patient") ? 1 : 0;
            }
            assertThat(patients).as(patient + ": one Patient").isEqualTo(1);
            assertThat(READINGS.path(patient).path("why").asText())
                    .as(patient + ": the clinician's reasoning")
                    .hasSizeGreaterThan(80);
        }
        assertThat(bundles)
                .as("the sources")
                .isNotEmpty()
                .extracting(p -> p.substring(0, p.indexOf('/')))
                .contains("synthea-3.3.0", "mcode-trial-matching", "mcode-ig-4.0.0");
    }

    private static String text(JsonNode reading, String field) {
        JsonNode n = reading.path(field);
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    private static Set<String> codes(JsonNode reading, String field) {
        Set<String> codes = new TreeSet<>(Comparator.naturalOrder());
        reading.path(field).forEach(n -> codes.add(n.asText()));
        return codes;
    }
}
