package org.ombc.cds.cards;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.Evidence;
import org.ombc.cds.logic.OligometastaticState;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.logic.Thresholds;
import org.ombc.cds.logic.Trial;
import org.ombc.cds.model.Site;

/**
 * The markdown detail of the main card, for the ten seconds before a tumour-board referral: the state and why,
 * the lesions, subtype and disease-free interval, the options with one figure each, the matching trials. At most
 * {@link #LIMIT} characters; each source linked once; no codes, rule names or record ids (those are in the
 * {@code ombc-assessment} extension and on the full-evidence page, {@link FullDetail}).
 */
final class CardDetail {

    static final int LIMIT = 1200;

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
        md.append(DiseaseLines.state(a)).append("\n\n");
        md.append(DiseaseLines.lesions(a)).append("\n\n");
        md.append(DiseaseLines.subtype(a)).append("\n\n");
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
