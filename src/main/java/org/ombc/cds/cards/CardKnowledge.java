package org.ombc.cds.cards;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.Evidence;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.logic.Thresholds;
import org.ombc.cds.logic.Trial;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.model.Site;

/**
 * What the cards show of the knowledge base: for each option, the one figure a clinician reads first and the
 * evidence that applies to this patient's sites; the matching trials. The card builders read the knowledge only
 * through these accessors, so that where the knowledge lives (enums today, a rule table and FHIR ResearchStudy
 * resources later) can change in one place. Figures are those Merloni et al. 2023 quote (Table 1 and text).
 */
public final class CardKnowledge {

    private CardKnowledge() {}

    /** One figure for one option, with the source it comes from. */
    public record Headline(String text, @Nullable Evidence source) {}

    /** The trials whose headline criteria match: "check eligibility". */
    public static List<Trial> trials(Assessment a) {
        return a.trials();
    }

    /**
     * The current distant lesions as the range an axillary node of unknown side leaves ("5 or 6", "1 or more"),
     * for a patient whose counted lesions are known (clinical-rules 2 and 7).
     */
    public static String lesionRange(Assessment a) {
        Integer upper = a.burden().withUnknownSideDistant().lesionCount();
        return a.lesionCount() + (upper == null ? " or more" : upper.equals(a.lesionCount()) ? "" : " to " + upper);
    }

    /** A short name for a source, as a clinician cites it. */
    public static String shortName(Evidence e) {
        return switch (e) {
            case MERLONI_2023 -> "Merloni 2023 review";
            case LIEVENS_2020 -> "ESTRO-ASTRO 2020";
            case GUCKENBERGER_2020 -> "ESTRO-EORTC 2020";
            case SABR_COMET -> "SABR-COMET";
            case NRG_BR002 -> "NRG-BR002";
            case TROVO_2018 -> "Trovo 2018";
            case SABR_TOXICITY -> "Merloni 2023, ref. 85";
            case YOO_2017 -> "Yoo 2017";
            case YOSHIMOTO_2008 -> "Yoshimoto 2008";
            case FAN_2015 -> "Fan 2015";
            case PATCHELL_1990 -> "Patchell 1990";
            case DURR_2002 -> "Dürr 2002";
            case BAI_2018 -> "Bai 2018";
            case XIAO_2018 -> "Xiao 2018";
            case AOYAGI_2020 -> "Aoyagi 2020";
            case CHRISTOPHERSON_2019 -> "Christopherson 2019";
            case MOOSDORFF_2015 -> "Moosdorff 2015";
            case MF07_01 -> "MF07-01";
            case BOMET -> "BOMET";
            case E2108 -> "E2108";
            case BADWE_2015 -> "Badwe 2015";
            case VAN_OMMEN_NIJHOF_2020 -> "van Ommen-Nijhof 2020";
            case WB_MRI -> "Merloni 2023, ref. 87";
        };
    }

    /**
     * The figure shown next to an option on the card: one number a clinician can weigh, from the source that
     * applies to this patient. Surgery depends on the site: liver (Yoo), solitary lung (Yoshimoto), solitary
     * brain (Patchell), solitary bone (Dürr); regional disease on whether it is sternal or axillary.
     */
    public static Headline headline(Recommendation r, Assessment a) {
        return switch (r) {
            case MDT_DISCUSSION ->
                a.recommends(Recommendation.SABR)
                        ? new Headline(
                                "weigh that the only breast-only randomised trial was negative for PFS",
                                Evidence.NRG_BR002)
                        : new Headline("SABR-COMET 5-y OS 42% vs 18% with standard care", Evidence.SABR_COMET);
            case SABR -> new Headline("5-y OS 42% vs 18% with standard care", Evidence.SABR_COMET);
            case METASTASIS_SURGERY -> surgeryHeadline(a);
            // Bai 2018 supports RFA for one ER+ lesion under 3 cm; "resection preferred" is Xiao 2018's finding
            // (review, liver section), shown on the full-evidence page, not attributed to Bai here.
            case LIVER_RFA ->
                new Headline(
                        "local control, best for one ER+ lesion under "
                                + Thresholds.inCentimetres(Thresholds.RFA_MAX_MM) + ", where resection is not possible",
                        Evidence.BAI_2018);
            case BRAIN_RADIOSURGERY ->
                new Headline("HER2+ and luminal/HER2+ disease benefit most", Evidence.AOYAGI_2020);
            case REGIONAL_CURATIVE_TREATMENT ->
                allSternal(a)
                        ? new Headline("5-y OS 63%, like stage IIIB", Evidence.CHRISTOPHERSON_2019)
                        : new Headline("OS 82.6% at 50 months", Evidence.MOOSDORFF_2015);
            case PRIMARY_TUMOR_SURGERY ->
                new Headline("median OS 46 vs 37 months; E2108 and Badwe were negative", Evidence.MF07_01);
            case STAGING_IMAGING ->
                new Headline("whole-body MRI found more disease in 23 of 58 patients", Evidence.WB_MRI);
            case CLINICAL_TRIAL -> new Headline("see trials below", null);
        };
    }

    private static Headline surgeryHeadline(Assessment a) {
        if (a.burden().lesionsAt(Site.LIVER) > 0) {
            return new Headline("5-y OS 37%", Evidence.YOO_2017);
        }
        if (a.burden().lesionsAt(Site.LUNG) == 1) {
            return new Headline("5-y OS 54%", Evidence.YOSHIMOTO_2008);
        }
        if (a.burden().lesionsAt(Site.BRAIN) == 1) {
            return new Headline("surgery + RT vs needle biopsy + RT: median OS 40 vs 15 weeks", Evidence.PATCHELL_1990);
        }
        return new Headline("5-y OS 39% for a solitary bone lesion", Evidence.DURR_2002);
    }

    static boolean allSternal(Assessment a) {
        return !a.burden().current().isEmpty() && a.burden().current().stream().allMatch(Lesion::sternal);
    }

    /**
     * The evidence behind one option for this patient: surgery and regional evidence only for the sites the
     * patient has (a bone-only patient sees no liver, lung or brain surgery evidence).
     */
    public static List<Evidence> evidenceFor(Recommendation r, Assessment a) {
        List<Evidence> all = r.evidence();
        List<Evidence> out = new ArrayList<>();
        for (Evidence e : all) {
            if (applies(e, a)) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean applies(Evidence e, Assessment a) {
        return switch (e) {
            case YOO_2017 -> a.burden().lesionsAt(Site.LIVER) > 0;
            case YOSHIMOTO_2008, FAN_2015 -> a.burden().lesionsAt(Site.LUNG) == 1;
            case PATCHELL_1990 -> a.burden().lesionsAt(Site.BRAIN) == 1;
            case DURR_2002 -> a.burden().solitary() && a.burden().onlyAt(Site.BONE);
            case CHRISTOPHERSON_2019 -> allSternal(a);
            case MOOSDORFF_2015 -> !allSternal(a);
            default -> true;
        };
    }
}
