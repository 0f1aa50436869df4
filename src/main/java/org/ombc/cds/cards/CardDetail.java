package org.ombc.cds.cards;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.EstroEortcState;
import org.ombc.cds.logic.Evidence;
import org.ombc.cds.logic.MissingData;
import org.ombc.cds.logic.OligometastaticState;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.logic.Thresholds;
import org.ombc.cds.logic.Trial;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.model.Site;

/**
 * The markdown detail of the main card, for the ten seconds before a tumour-board referral: the state and why,
 * the lesions, subtype and disease-free interval, the options with one figure each, the matching trials. At most
 * {@link #LIMIT} characters; each source linked once; no codes, rule names or record ids (those are in the
 * {@code ombc-assessment} extension and on the full-evidence page, {@link FullDetail}).
 */
final class CardDetail {

    static final int LIMIT = 1200;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private CardDetail() {}

    static String of(Assessment a) {
        String withLinks = build(a, true);
        // Long source links (PubMed searches) can push a complex chart over the limit: then the figures keep
        // their source names and the links stay one click away on the full-evidence page.
        return withLinks.length() <= LIMIT ? withLinks : build(a, false);
    }

    private static String build(Assessment a, boolean linkFigures) {
        Citations cite = new Citations(linkFigures);
        StringBuilder md = new StringBuilder(1024);
        md.append(stateLine(a)).append("\n\n");
        md.append(lesionLine(a)).append("\n\n");
        md.append(subtypeLine(a)).append("\n\n");
        List<Recommendation> options = clinicalOrder(a).stream()
                .filter(r -> r != Recommendation.CLINICAL_TRIAL)
                .toList();
        if (!options.isEmpty()) {
            for (Recommendation r : options) {
                CardKnowledge.Headline h = CardKnowledge.headline(r, a);
                md.append("- **").append(optionTitle(r, a)).append("**: ").append(h.text());
                if (h.source() != null) {
                    md.append(" (").append(cite.of(h.source())).append(')');
                }
                md.append(optionCaveat(r, a)).append('\n');
            }
            md.append('\n');
        }
        List<Trial> trials = CardKnowledge.trials(a);
        if (!trials.isEmpty()) {
            md.append(
                    a.oligometastatic() == OligometastaticState.YES
                            ? "**Trials, check eligibility:** "
                            : "**Within a trial only:** ");
            List<String> names = new ArrayList<>();
            for (Trial t : trials) {
                names.add(Markdown.link(t.displayName(), t.url()));
            }
            md.append(String.join(", ", names)).append("\n\n");
        }
        md.append("Decision support: the tumour board decides.\n");
        return md.toString();
    }

    /**
     * Tumour board first, then local options in the order of the rules; regional disease leads with its
     * curative-intent regional treatment, the option that defines it.
     */
    static List<Recommendation> clinicalOrder(Assessment a) {
        List<Recommendation> order =
                new ArrayList<>(a.recommendations().stream().sorted().toList());
        if (order.remove(Recommendation.REGIONAL_CURATIVE_TREATMENT)) {
            order.add(0, Recommendation.REGIONAL_CURATIVE_TREATMENT);
        }
        return order;
    }

    /** Each source is linked once; later mentions name it. */
    private static final class Citations {
        private final boolean link;
        private final Set<String> linked = new HashSet<>();

        Citations(boolean link) {
            this.link = link;
        }

        String of(Evidence e) {
            String name = CardKnowledge.shortName(e);
            return link && linked.add(e.url()) ? Markdown.link(name, e.url()) : name;
        }
    }

    static String stateLine(Assessment a) {
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
    static String lesionLine(Assessment a) {
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
    static String subtypeLine(Assessment a) {
        String subtype = a.subtype().label();
        String line = Character.toUpperCase(subtype.charAt(0)) + subtype.substring(1);
        if (a.estroEortcState() != EstroEortcState.SYNCHRONOUS) {
            line += a.diseaseFreeIntervalMonths() == null
                    ? "; disease-free interval unknown"
                    : "; disease-free interval " + a.diseaseFreeIntervalMonths() + " months";
        }
        return line + ".";
    }

    static String optionTitle(Recommendation r, Assessment a) {
        return switch (r) {
            case MDT_DISCUSSION -> "Tumour board";
            case SABR ->
                "SABR to "
                        + String.join(
                                ", ",
                                a.burden().sites().stream()
                                        .filter(s -> !s.isIntracranial())
                                        .map(CardDetail::siteWord)
                                        .toList());
            case METASTASIS_SURGERY -> surgeryTitle(a);
            case LIVER_RFA -> "Radiofrequency ablation of the liver lesion";
            case BRAIN_RADIOSURGERY -> "Radiosurgery to the brain";
            case REGIONAL_CURATIVE_TREATMENT -> "Curative-intent regional treatment";
            case PRIMARY_TUMOR_SURGERY -> "Surgery of the primary tumour";
            case STAGING_IMAGING -> "Stage with PET-CT or whole-body MRI";
            case CLINICAL_TRIAL -> "Clinical trial";
        };
    }

    private static String siteWord(Site s) {
        return switch (s) {
            case AXILLARY_LYMPH_NODE -> "axillary node";
            case DISTANT_LYMPH_NODE -> "lymph node";
            case SKIN_SOFT_TISSUE -> "skin";
            case OTHER -> "other sites";
            default -> s.code();
        };
    }

    private static String surgeryTitle(Assessment a) {
        List<String> kinds = new ArrayList<>();
        if (a.burden().lesionsAt(Site.LIVER) > 0) {
            kinds.add("Liver resection");
        }
        if (a.burden().lesionsAt(Site.LUNG) == 1) {
            kinds.add("Lung metastasectomy");
        }
        if (a.burden().lesionsAt(Site.BRAIN) == 1) {
            kinds.add("Brain metastasis surgery");
        }
        if (kinds.isEmpty()) {
            kinds.add("Resection of the bone lesion");
        }
        return String.join(" / ", kinds);
    }

    /** The negative factors the rules require next to lung metastasectomy (Fan 2015 via the review). */
    private static String optionCaveat(Recommendation r, Assessment a) {
        if (r != Recommendation.METASTASIS_SURGERY || a.burden().lesionsAt(Site.LUNG) != 1) {
            return "";
        }
        List<String> against = new ArrayList<>();
        Integer dfi = a.diseaseFreeIntervalMonths();
        if (dfi == null || dfi <= Thresholds.LUNG_SHORT_DFI_MONTHS) {
            against.add(
                    dfi == null
                            ? "disease-free interval unknown"
                            : "disease-free interval " + Thresholds.inYears(Thresholds.LUNG_SHORT_DFI_MONTHS)
                                    + " or less");
        }
        if (a.record().er().isNegative() && a.record().pr().isNegative()) {
            against.add("hormone receptor negative");
        }
        return against.isEmpty() ? "" : "; against lung resection: " + String.join(", ", against);
    }
}
