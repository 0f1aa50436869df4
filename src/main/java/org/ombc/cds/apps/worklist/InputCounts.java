package org.ombc.cds.apps.worklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the run read and what it left out, for the closing summary: counts, resource types and file positions,
 * never content (the lines are patient data). Thread-safe: the second pass assesses charts in parallel.
 */
final class InputCounts {

    /** Positions named in full; beyond, only counted, so a broken file cannot flood the terminal. */
    static final int NAMED_MAX = 20;

    private long lines;
    private final List<String> unreadable = new ArrayList<>();
    private long unreadableCount;
    private final Map<String, Integer> otherTypes = new TreeMap<>();
    private final Map<String, Integer> noPatient = new TreeMap<>();
    private final Map<String, Integer> otherPatient = new TreeMap<>();
    private long withoutPatientResource;

    synchronized void lineRead() {
        lines++;
    }

    /** A line that is not JSON, or not FHIR R4: named by position, skipped. */
    synchronized void unreadable(String position) {
        unreadableCount++;
        if (unreadable.size() < NAMED_MAX) {
            unreadable.add(position);
        }
    }

    synchronized void otherType(String type) {
        otherTypes.merge(type, 1, Integer::sum);
    }

    /** A record whose subject names no patient (Group, none, identifier only): clinical-rules 8. */
    synchronized void noPatient(String type) {
        noPatient.merge(type, 1, Integer::sum);
    }

    /** Records routed to a patient whose reference the compartment rules do not accept as hers. */
    synchronized void otherPatient(Map<String, Integer> byType) {
        byType.forEach((type, n) -> otherPatient.merge(type, n, Integer::sum));
    }

    /** Records of a patient id with no Patient resource in the export: no chart to assess. */
    synchronized void withoutPatient(int records) {
        withoutPatientResource += records;
    }

    synchronized long lines() {
        return lines;
    }

    synchronized long unreadableCount() {
        return unreadableCount;
    }

    synchronized long leftOut() {
        return unreadableCount + sum(otherTypes) + sum(noPatient) + sum(otherPatient) + withoutPatientResource;
    }

    /** One sentence per kind of record left out; empty when nothing was. */
    synchronized List<String> summary() {
        List<String> out = new ArrayList<>();
        if (unreadableCount > 0) {
            out.add(unreadableCount + " line(s) skipped, not FHIR R4 JSON: " + String.join("; ", unreadable)
                    + (unreadableCount > unreadable.size() ? "; ..." : ""));
        }
        if (!otherTypes.isEmpty()) {
            out.add(sum(otherTypes) + " record(s) of types a chart does not use, skipped: " + otherTypes);
        }
        if (!noPatient.isEmpty()) {
            out.add(sum(noPatient) + " record(s) naming no patient (no subject, a Group, an identifier only), "
                    + "left out: " + noPatient);
        }
        if (!otherPatient.isEmpty()) {
            out.add(sum(otherPatient) + " record(s) whose patient reference is not of this export's server, left "
                    + "out: " + otherPatient);
        }
        if (withoutPatientResource > 0) {
            out.add(withoutPatientResource + " record(s) of patients with no Patient resource in the export, "
                    + "left out");
        }
        return out;
    }

    private static long sum(Map<String, Integer> byType) {
        return byType.values().stream().mapToLong(Integer::longValue).sum();
    }
}
