package org.ombc.cds.apps.smart;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.Evidence;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.logic.Trial;
import org.springframework.web.util.HtmlUtils;

/**
 * The tumour-board view as one HTML page without scripts: the disease timeline, the assessment in brief, the
 * options with their evidence and the trials to check. It prints on one A4 page for the board.
 */
final class TumourBoardPage {

    private TumourBoardPage() {}

    static String render(Assessment assessment, String timelineSvg, List<String> dataProblems) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Tumour-board view - ombc-cds</title><style>")
                .append(STYLE)
                .append("</style></head>")
                .append("<body><header><h1>Tumour-board view</h1><p class=\"basis\">Oligometastatic breast cancer "
                        + "assessment (knowledge ")
                .append(esc(assessment.knowledgeVersion()))
                .append("). Decision support: the tumour board decides.</p></header>");
        html.append("<section class=\"facts\"><ul>");
        fact(
                html,
                "Lesions",
                assessment.lesionCount() == null
                        ? "count unknown"
                        : assessment.lesionCount() + " current, in " + String.join(", ", assessment.sites()));
        fact(
                html,
                "Subtype",
                assessment.subtype() == null ? "unknown" : assessment.subtype().code());
        // Synchronous (de novo) disease has no disease-free interval: "0 months" would read as a very short one.
        if (assessment.diseaseFreeIntervalMonths() != null
                && assessment.estroEortcState() != org.ombc.cds.logic.EstroEortcState.SYNCHRONOUS) {
            fact(html, "Disease-free interval", assessment.diseaseFreeIntervalMonths() + " months");
        }
        if (!assessment.missingData().isEmpty()) {
            fact(
                    html,
                    "To record",
                    String.join(
                            ", ",
                            assessment.missingData().stream()
                                    .map(m -> m.code().replace('-', ' '))
                                    .toList()));
        }
        html.append("</ul></section>");
        html.append("<figure class=\"timeline\">")
                .append(timelineSvg)
                .append("<figcaption>Bars: lesions by site from onset to resolution (grey) or today (red); hatched: "
                        + "a partial date. Blue bands: systemic therapy. Ticks: imaging. Dashed lines: the 6- and "
                        + "24-month marks after the primary where they decide the state or a prognostic factor."
                        + "</figcaption></figure>");
        options(html, assessment);
        trials(html, assessment.trials());
        if (!dataProblems.isEmpty()) {
            html.append("<section><h2>Data quality</h2><ul>");
            dataProblems.forEach(p -> html.append("<li>").append(esc(p)).append("</li>"));
            html.append("</ul></section>");
        }
        return html.append("</body></html>").toString();
    }

    private static void options(StringBuilder html, Assessment assessment) {
        html.append("<section class=\"options\"><h2>Options</h2>");
        if (assessment.recommendations().isEmpty()) {
            html.append("<p>No metastasis-directed option applies.</p>");
        }
        Set<Evidence> shown = new LinkedHashSet<>();
        html.append("<ul>");
        for (Recommendation recommendation : assessment.recommendations()) {
            html.append("<li><strong>").append(esc(recommendation.title())).append("</strong>");
            for (Evidence evidence : recommendation.evidence()) {
                if (shown.add(evidence)) {
                    html.append("<br><a href=\"")
                            .append(esc(evidence.url()))
                            .append("\" rel=\"noreferrer\">")
                            .append(esc(evidence.citation()))
                            .append("</a>: ")
                            .append(esc(evidence.figure()));
                }
            }
            html.append("</li>");
        }
        html.append("</ul></section>");
    }

    private static void trials(StringBuilder html, List<Trial> trials) {
        if (trials.isEmpty()) {
            return;
        }
        html.append("<section class=\"trials\"><h2>Trials: check eligibility</h2><ul>");
        for (Trial trial : trials) {
            html.append("<li><a href=\"")
                    .append(esc(trial.url()))
                    .append("\" rel=\"noreferrer\">")
                    .append(esc(trial.displayName()))
                    .append(" (")
                    .append(esc(trial.nct()))
                    .append(")</a>: ")
                    .append(esc(trial.criteria()))
                    .append("</li>");
        }
        html.append("</ul></section>");
    }

    private static void fact(StringBuilder html, String name, String value) {
        html.append("<li><span class=\"k\">")
                .append(esc(name))
                .append(":</span> ")
                .append(esc(value))
                .append("</li>");
    }

    static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    /** Readable at 1,000 px, one A4 page when printed. */
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:16px auto;max-width:1020px;color:#222}
            h1{font-size:20px;margin:0}h2{font-size:16px;margin:14px 0 4px}
            .basis{color:#555;margin:2px 0 8px}.facts ul{list-style:none;padding:0;margin:0;display:flex;
            flex-wrap:wrap;gap:4px 18px}.k{color:#555}figure{margin:8px 0}figcaption{font-size:12px;color:#555}
            svg{max-width:100%;height:auto}li{margin:3px 0}a{color:#1f4e9c}
            @media print{@page{size:A4 landscape;margin:10mm}body{margin:0;max-width:none;font-size:11px}
            a{color:#000;text-decoration:none}}
            """;
}
