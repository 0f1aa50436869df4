package org.ombc.cds.outside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.ombc.cds.apps.assessment.AssessmentController;
import org.ombc.cds.cards.AssessmentJson;
import org.ombc.cds.chart.ChartAssessment;
import org.ombc.cds.chart.fetch.PatientDataService;
import org.ombc.cds.chart.fetch.PrefetchTemplates;
import org.ombc.cds.chart.mapping.FhirToOmbc;
import org.ombc.cds.logic.OmbcAssessor;
import org.ombc.cds.protocol.json.CdsHooksModel;
import org.ombc.cds.protocol.services.HookOutcome;
import org.ombc.cds.protocol.services.HookRequest;
import org.ombc.cds.protocol.services.PatientViewService;
import org.ombc.cds.support.Charts;
import org.ombc.cds.support.Fetchers;
import org.ombc.cds.support.Vignettes;

/**
 * FHIR data written outside this project, run the two ways an EHR reaches the service: as the Bundle of
 * {@code POST /ombc/assessment}, and as the prefetch of the patient-view hook. Both use the vignettes' fixed
 * "today" ({@link Vignettes#CLOCK}), so that a record dated after it is an error in the record, as in production.
 */
final class OutsideCharts {

    static final Path ROOT = Path.of("src", "test", "resources", "outside-data");

    private static final FhirToOmbc MAPPER = new FhirToOmbc(Vignettes.TERMINOLOGY, Vignettes.CLOCK);
    private static final OmbcAssessor ASSESSOR =
            new OmbcAssessor(Vignettes.TERMINOLOGY.knowledgeVersion(), Vignettes.PROFILES.trials());
    private static final AssessmentController API =
            new AssessmentController(Vignettes.FHIR, new ChartAssessment(null, MAPPER, ASSESSOR));
    private static final PatientViewService HOOK = new PatientViewService(
            new PrefetchTemplates(Vignettes.TERMINOLOGY),
            new ChartAssessment(new PatientDataService(Vignettes.FHIR, Fetchers.offline(), null), MAPPER, ASSESSOR),
            Charts.CARDS);

    private OutsideCharts() {}

    /** Every patient Bundle under {@code dir} (each source folder's JSON files), by path relative to it. */
    static List<String> bundles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")
                            && !p.getFileName().toString().equals("readings.json"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Bundle as the body of {@code POST /ombc/assessment}. */
    static AssessmentJson viaApi(String bundleJson) {
        return API.assess(bundleJson);
    }

    /** The Bundle's resources as the patient-view prefetch of the EHR's FHIR server ({@link HookPrefetch}). */
    static HookOutcome viaHook(String bundleJson) {
        Map<String, JsonNode> prefetch = HookPrefetch.of(Charts.node(bundleJson));
        ObjectNode context = HookPrefetch.context(prefetch);
        return HOOK.evaluate(new HookRequest(
                PatientViewService.HOOK,
                UUID.randomUUID().toString(),
                context.get("patientId").asText(),
                context,
                prefetch,
                null,
                null));
    }

    /** The data-quality card of a hook answer (its detail opens with the incomplete-assessment sentence), or null. */
    static CdsHooksModel.Card dataQualityCard(List<CdsHooksModel.Card> cards) {
        // The main card carries the assessment as its extension; the data-quality card carries none.
        return cards.stream()
                .filter(c -> c.extension() == null || c.extension().isEmpty())
                .findFirst()
                .orElse(null);
    }
}
