package org.ombc.cds.apps.worklist;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.cards.AssessmentJson;

/**
 * The worklist as CSV (RFC 4180: comma-separated, CRLF line ends, a header row, fields quoted when they hold a
 * comma, a quote or a line break). The columns come first; the rest of the assessment contract follows,
 * so a row carries all of what {@code /ombc/assessment} says. Lists are codes joined by {@code ;}; null is empty.
 */
public final class WorklistCsv {

    public static final List<String> HEADER = List.of(
            "patient",
            "oligometastatic",
            "lesionCount",
            "estroEortcState",
            "subtype",
            "recommendations",
            "trials",
            "missingData",
            "breastCancer",
            "metastatic",
            "organCount",
            "sites",
            "diseaseFreeIntervalMonths",
            "favorableFactors",
            "unfavorableFactors",
            "knowledgeVersion",
            "dataProblems");

    private final Writer out;

    public WorklistCsv(Writer out) throws IOException {
        this.out = out;
        line(HEADER);
    }

    public void write(WorklistRow row) throws IOException {
        line(fields(row));
    }

    /** The row's fields in {@link #HEADER} order, unquoted. */
    public static List<String> fields(WorklistRow row) {
        AssessmentJson a = row.assessment();
        List<String> f = new ArrayList<>(HEADER.size());
        f.add(row.patientId());
        f.add(text(a.oligometastatic()));
        f.add(text(a.lesionCount()));
        f.add(text(a.estroEortcState()));
        f.add(text(a.subtype()));
        f.add(String.join(";", a.recommendations()));
        f.add(String.join(";", a.trials()));
        f.add(String.join(";", a.missingData()));
        f.add(Boolean.toString(a.breastCancer()));
        f.add(Boolean.toString(a.metastatic()));
        f.add(text(a.organCount()));
        f.add(a.sites() == null ? "" : String.join(";", a.sites()));
        f.add(text(a.diseaseFreeIntervalMonths()));
        f.add(String.join(";", a.favorableFactors()));
        f.add(String.join(";", a.unfavorableFactors()));
        f.add(text(a.knowledgeVersion()));
        f.add(Integer.toString(row.dataProblems()));
        return f;
    }

    private void line(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
