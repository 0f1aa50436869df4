package org.ombc.cds.logic;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The sources behind every conclusion, with the figure Merloni et al. 2023 quote for each, so a clinician can
 * check the claim on the card against the paper. Links are DOIs where the citation is certain, else a PubMed
 * search for the exact title.
 */
public enum Evidence {
    MERLONI_2023(
            "Merloni et al. 2023, Ther Adv Med Oncol (review)",
            "About 50% of metastatic breast cancers present with few lesions; MDT evidence is mostly non-randomised.",
            doi("10.1177/17588359231161412")),
    LIEVENS_2020(
            "Lievens et al. 2020, ESTRO-ASTRO consensus",
            "Oligometastatic: 1-5 lesions, safely treatable, assessed with high-resolution imaging.",
            doi("10.1016/j.radonc.2020.04.003")),
    GUCKENBERGER_2020(
            "Guckenberger et al. 2020, ESTRO-EORTC classification",
            "Dynamic states by history, timing and systemic therapy; induced disease has poor chances of cure.",
            doi("10.1016/S1470-2045(19)30718-1")),
    SABR_COMET(
            "Palma et al. 2019/2020, SABR-COMET (randomised phase II, 18% breast)",
            "5-y OS 42% with SABR vs 18% with standard of care; 5-y PFS 17% vs 0%.", doi("10.1200/JCO.20.00818")),
    NRG_BR002(
            "NRG-BR002 (randomised phase II, breast, ASCO 2022)",
            "Negative for PFS: median PFS 23 months standard of care vs 19.5 months with ablation.",
            "https://clinicaltrials.gov/search?term=NRG-BR002"),
    TROVO_2018(
            "Trovo et al. 2018, phase II, 54 OMBC patients",
            "2-y PFS 53%, 2-y OS 95%, no grade 3 toxicity with SABR/IMRT.",
            pubmed(
                    "Radical radiation therapy for oligometastatic breast cancer: results of a prospective phase II trial")),
    SABR_TOXICITY(
            "Merloni et al. 2023 (ref. 85)",
            "Grade 3-5 toxicity under 10% with SABR; patient selection is crucial.",
            doi("10.1177/17588359231161412")),
    YOO_2017(
            "Yoo et al. 2017, systematic review, 1686 patients",
            "Liver resection: median OS 36 months, 5-y OS 37%; morbidity 20%, 30-day mortality 0.7%.",
            pubmed("Systematic review of early and long-term outcome of liver resection for metastatic breast cancer")),
    YOSHIMOTO_2008(
            "Yoshimoto et al. 2008, 90 patients",
            "Solitary lung metastasis resection: 5-y OS 54%, 10-y OS 40%.",
            pubmed("Favourable long-term results after surgical removal of lung metastases of breast cancer")),
    FAN_2015(
            "Fan et al. 2015, meta-analysis of lung metastasectomy",
            "Negative factors: DFI 3 years or less, more than one lung lesion, HR-negative disease.",
            pubmed("Prognostic factors for resection of isolated pulmonary metastases in breast cancer patients")),
    PATCHELL_1990(
            "Patchell et al. 1990, randomised, single brain metastasis",
            "Surgery + RT vs needle biopsy + RT: median OS 40 vs 15 weeks; local recurrence 20% vs 52%.",
            doi("10.1056/NEJM199002223220802")),
    DURR_2002(
            "Durr et al. 2002, 70 patients",
            "Resection of a solitary bone metastasis: 5-y OS 39%.",
            pubmed("Surgical treatment of bone metastases in patients with breast cancer")),
    BAI_2018(
            "Bai et al. 2018, percutaneous RFA",
            "RFA is safe and gives local control, best for lesions under 3 cm, single, ER-positive.",
            pubmed(
                    "Long-term outcomes and prognostic analysis of percutaneous radiofrequency ablation in liver metastasis from breast cancer")),
    XIAO_2018(
            "Xiao et al. 2018, meta-analysis RFA vs resection",
            "Resection gave better survival: keep RFA for unresectable lesions or high surgical risk.",
            pubmed("Radiofrequency ablation versus hepatic resection for breast cancer liver metastasis")),
    AOYAGI_2020(
            "Aoyagi et al. 2020, JLGK1702, Gamma Knife",
            "HER2-positive and luminal/HER2-positive patients benefit most from radiosurgery.",
            pubmed(
                    "Impact of breast cancer subtype on clinical outcomes after Gamma Knife radiosurgery for brain metastases")),
    CHRISTOPHERSON_2019(
            "Christopherson et al. 2019, 35 patients, sternal or mediastinal disease",
            "Curative-intent treatment: 5-y OS 63%, like stage IIIB disease.",
            pubmed(
                    "Outcomes of curative-intent treatment for patients with breast cancer presenting with sternal or mediastinal involvement")),
    MOOSDORFF_2015(
            "Moosdorff et al. 2015, systematic review, 48 patients",
            "Contralateral axillary recurrence treated as regional disease: OS 82.6% at mean 50.3 months.",
            pubmed(
                    "Contralateral lymph node recurrence in breast cancer: regional event rather than distant metastatic disease")),
    MF07_01(
            "Soran et al. 2018, MF07-01 (randomised phase III, 274 patients)",
            "Primary resection in de novo stage IV: median OS 46 vs 37 months; HR+/HER2- and solitary bone benefit.",
            pubmed(
                    "Randomized trial comparing resection of primary tumor with no surgery in stage IV breast cancer at presentation")),
    BOMET(
            "Soran et al. 2021, BOMET MF 14-01 registry (bone-only, de novo)",
            "5-y OS 72% with primary surgery vs 33% without; no benefit in triple-negative disease.",
            pubmed(
                    "The effect of primary surgery in patients with de novo stage IV breast cancer with bone metastasis only")),
    E2108(
            "Khan et al. 2022, ECOG-ACRIN E2108 (randomised, 256 patients)",
            "No OS difference with early local therapy of the primary.",
            pubmed(
                    "Early local therapy for the primary site in De Novo stage IV breast cancer: results of a randomized clinical trial")),
    BADWE_2015(
            "Badwe et al. 2015, randomised, 350 patients",
            "No OS improvement with locoregional treatment of the primary, not even in oligometastatic patients.",
            doi("10.1016/S1470-2045(15)00135-7")),
    VAN_OMMEN_NIJHOF_2020(
            "van Ommen-Nijhof et al. 2020, systematic review of 20 studies",
            "Better OS/PFS: solitary metastasis, DFI 24 months or more, HR-positive; worse: nodes at diagnosis, HER2+.",
            pubmed("Prognostic factors in patients with oligometastatic breast cancer - a systematic review")),
    WB_MRI(
            "Merloni et al. 2023 (ref. 87)",
            "Whole-body MRI found additional disease in 23 of 58 advanced breast cancer patients.",
            doi("10.1177/17588359231161412"));

    private final String citation;
    private final String figure;
    private final String url;

    Evidence(String citation, String figure, String url) {
        this.citation = citation;
        this.figure = figure;
        this.url = url;
    }

    public String citation() {
        return citation;
    }

    /** The result the review quotes for this source. */
    public String figure() {
        return figure;
    }

    public String url() {
        return url;
    }

    private static String doi(String doi) {
        return "https://doi.org/" + doi;
    }

    private static String pubmed(String title) {
        return "https://pubmed.ncbi.nlm.nih.gov/?term=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
    }
}
