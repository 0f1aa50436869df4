package org.ombc.cds.cards;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.EstroEortcState;
import org.ombc.cds.logic.MissingData;
import org.ombc.cds.logic.OligometastaticState;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.logic.Thresholds;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.Lesion;

/**
 * The sentences that say what the disease is: its state and why, the lesions by site and since when, the subtype
 * and disease-free interval. The card opens with them ({@link CardDetail}) and the full-evidence page reuses them
 * ({@link FullDetail}), so both describe the patient in the same words.
 */
final class DiseaseLines {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private DiseaseLines() {}

    static String state(Assessment a) {
        if (a.recommends(Recommendation.REGIONAL_CURATIVE_TREATMENT)) {
            return "**Regional disease:** " + (CardKnowledge.allSternal(a) ? "sternal" : "contralateral axillary node")
                    + " spread only, which behaves as lymphatic, regional disease.";
        }
        if (a.oligometastatic() == OligometastaticState.NO) {
            return "**Polymetastatic:** more than " + Thresholds.OLIGO_MAX_LESIONS
                    + " lesions, so not oligometastatic (ESTRO-ASTRO).";
        }
        if (a.oligometastatic() == OligometastaticState.INDETERMINATE) {
            return "**Oligometastatic status unknown:** the number of lesions is not recorded.";
        }
        EstroEortcState s = a.estroEortcState();
        if (s == null) {
            return "**Oligometastatic (" + Thresholds.oligometastaticRange() + " lesions), state undetermined:** "
                    + undeterminedReason(a) + ".";
        }
        String name = s == EstroEortcState.SYNCHRONOUS ? "synchronous (de novo)" : s.label();
        return "**Oligometastatic (" + Thresholds.oligometastaticRange() + " lesions): " + name + "**, " + why(s, a)
                + ".";
    }

    private static String undeterminedReason(Assessment a) {
        if (a.burden().omdDate() == null) {
            return "a metastasis date is missing";
        }
        if (a.record().primary() == null || a.record().primary().diagnosed() == null) {
            return "the primary diagnosis date is missing";
        }
        if (a.missingData().contains(MissingData.DISEASE_STATUS)) {
            return "progression or stable disease on therapy is not recorded";
        }
        if (a.missingData().contains(MissingData.PRIMARY_DIAGNOSIS_DATE)
                || a.missingData().contains(MissingData.METASTASIS_DIAGNOSIS_DATE)) {
            // Clinical-rules 8: a threshold is decided only when the whole date interval lies on one side.
            return "the dates are too imprecise to tell synchronous from metachronous disease, or whether systemic "
                    + "therapy was running at the metastasis diagnosis";
        }
        return "the record does not settle it";
    }

    private static String why(EstroEortcState s, Assessment a) {
        return switch (s) {
            case SYNCHRONOUS -> "found within " + Thresholds.SYNCHRONOUS_MONTHS + " months of the primary";
            case METACHRONOUS_OLIGORECURRENCE ->
                "more than " + Thresholds.SYNCHRONOUS_MONTHS + " months after the primary, off systemic therapy";
            case METACHRONOUS_OLIGOPROGRESSION ->
                "more than " + Thresholds.SYNCHRONOUS_MONTHS + " months after the primary, on systemic therapy";
            case REPEAT_OLIGORECURRENCE -> "after an earlier treated episode, off systemic therapy";
            case REPEAT_OLIGOPROGRESSION -> "after an earlier episode, progressing on systemic therapy";
            case REPEAT_OLIGOPERSISTENCE -> "after an earlier episode, stable on systemic therapy";
            case INDUCED_OLIGORECURRENCE, INDUCED_OLIGOPROGRESSION, INDUCED_OLIGOPERSISTENCE ->
                "after earlier polymetastatic disease (up to " + a.burden().peakActive()
                        + " lesions at once); the poorest chance of cure";
        };
    }

    /**
     * A date as precise as the record is, never more (clinical-rules 8: "2019" is the whole year): "Feb 2024" for a
     * day or a month, "2019" for a year, "2018-2019" for an interval across years (an onset age).
     */
    static String asReadable(DateInterval date) {
        if (date.knownToMonth()) {
            return date.start().format(MONTH);
        }
        return date.start().getYear() == date.end().getYear()
                ? String.valueOf(date.start().getYear())
                : date.start().getYear() + "-" + date.end().getYear();
    }

    /** "2 bone lesions since Feb 2024", or "3 lesions since Mar 2022: 1 bone, 1 liver, 1 lung". */
    static String lesions(Assessment a) {
        Map<String, Integer> bySite = new LinkedHashMap<>();
        boolean unknownCount = false;
        DateInterval since = null;
        boolean undated = false;
        for (Lesion lesion : a.burden().current()) {
            bySite.merge(siteName(lesion), lesion.count() == null ? 0 : lesion.count(), Integer::sum);
            unknownCount |= lesion.count() == null;
            if (lesion.onsetDate() == null) {
                undated = true;
            } else {
                since = DateInterval.earliest(since, lesion.onsetDate());
            }
        }
        String when = undated || since == null ? ", date not recorded" : " since " + asReadable(since);
        StringBuilder line = new StringBuilder();
        if (bySite.isEmpty()) {
            line.append("No countable distant lesion");
        } else if (unknownCount) {
            String sites = String.join(", ", bySite.keySet());
            line.append(Character.toUpperCase(sites.charAt(0)))
                    .append(sites.substring(1))
                    .append(" lesions")
                    .append(when)
                    .append(", number not recorded");
        } else if (bySite.size() == 1) {
            var only = bySite.entrySet().iterator().next();
            line.append(count(only.getValue(), only.getKey() + " lesion")).append(when);
        } else {
            List<String> parts = new ArrayList<>();
            bySite.forEach((site, n) -> parts.add(n + " " + site));
            line.append(count(a.lesionCount() == null ? 0 : a.lesionCount(), "lesion"))
                    .append(when)
                    .append(": ")
                    .append(String.join(", ", parts));
        }
        int unknownSide = a.burden().unknownSideAxillary().size();
        if (unknownSide > 0) {
            line.append("; axillary node of unknown side not counted");
        }
        return line.append('.').toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String siteName(Lesion lesion) {
        if (lesion.sternal()) {
            return "sternal";
        }
        return switch (lesion.site()) {
            case AXILLARY_LYMPH_NODE -> "contralateral axillary node";
            case DISTANT_LYMPH_NODE -> "distant lymph node";
            case SKIN_SOFT_TISSUE -> "skin or soft tissue";
            case OTHER -> "unspecified-site";
            default -> lesion.site().code();
        };
    }

    /** Subtype, and the disease-free interval except for synchronous (de novo) disease, where it means nothing. */
    static String subtype(Assessment a) {
        String subtype = a.subtype().label();
        String line = Character.toUpperCase(subtype.charAt(0)) + subtype.substring(1);
        if (a.estroEortcState() != EstroEortcState.SYNCHRONOUS) {
            line += a.diseaseFreeIntervalMonths() == null
                    ? "; disease-free interval unknown"
                    : "; disease-free interval " + a.diseaseFreeIntervalMonths() + " months";
        }
        return line + ".";
    }
}
