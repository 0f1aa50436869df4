package org.ombc.cds.apps.worklist;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * The coordinator's page: one row per oligometastatic candidate, each linked to her tumour-board view (a
 * standalone SMART launch on the export's server), then how many patients were assessed and what was left out.
 */
final class WorklistPage {

    private WorklistPage() {}

    static String html(String fhirServer, List<WorklistRow> candidates, WorklistRun.Summary summary) {
        StringBuilder page = new StringBuilder(2048 + 256 * candidates.size());
        page.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>OMBC worklist</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}</style></head><body>")
                .append("<h1>Oligometastatic candidates</h1><p>")
                .append(String.format(
                        Locale.ROOT,
                        "%d of %d patients of %s are oligometastatic candidates " + "(assessed in %.1f s).",
                        candidates.size(),
                        summary.patients(),
                        esc(fhirServer),
                        summary.seconds()))
                .append("</p><table><thead><tr><th>Patient</th><th>Lesions</th><th>ESTRO-EORTC state</th>")
                .append("<th>Subtype</th><th>Recommendations</th><th>Trials to check</th><th>Missing data</th>")
                .append("</tr></thead><tbody>");
        for (WorklistRow row : candidates) {
            var a = row.assessment();
            String launch = "/smart/launch?iss=" + url(fhirServer) + "&patient=" + url(row.patientId());
            page.append("<tr><td><a href=\"")
                    .append(esc(launch))
                    .append("\">")
                    .append(esc(row.patientId()))
                    .append("</a></td><td>")
                    .append(a.lesionCount() == null ? "" : a.lesionCount())
                    .append("</td><td>")
                    .append(esc(a.estroEortcState()))
                    .append("</td><td>")
                    .append(esc(a.subtype()))
                    .append("</td><td>")
                    .append(esc(String.join(", ", a.recommendations())))
                    .append("</td><td>")
                    .append(esc(String.join(", ", a.trials())))
                    .append("</td><td>")
                    .append(esc(String.join(", ", a.missingData())))
                    .append("</td></tr>");
        }
        page.append("</tbody></table>");
        if (!summary.leftOut().isEmpty()) {
            page.append("<h2>Left out</h2><ul>");
            summary.leftOut()
                    .forEach(line -> page.append("<li>").append(esc(line)).append("</li>"));
            page.append("</ul>");
        }
        return page.append("</body></html>").toString();
    }

    private static String esc(@org.jspecify.annotations.Nullable String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
