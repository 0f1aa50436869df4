package org.ombc.cds.cards;

import static org.ombc.cds.cards.Markdown.escape;
import static org.ombc.cds.cards.Markdown.link;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.Evidence;
import org.ombc.cds.logic.Factor;
import org.ombc.cds.logic.Finding;
import org.ombc.cds.logic.OligometastaticState;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.logic.Trial;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.model.ReceptorResult;
import org.ombc.cds.model.Site;

/**
 * The markdown detail of the main card: the facts used, the state and the rule behind it, the factors, the
 * options with the review's figures, the caveats, matching trials, and every source as a link.
 */
final class CardDetail {

    private CardDetail() {
    }

    static String of(Assessment a) {
        StringBuilder md = new StringBuilder(4096);
        Set<Evidence> sources = new LinkedHashSet<>();
        state(md, a, sources);
        facts(md, a);
        factors(md, a, sources);
        options(md, a, sources);
        trials(md, a);
        caveats(md, a, sources);
        sources(md, sources, a.knowledgeVersion());
        return md.toString();
    }

    private static void state(StringBuilder md, Assessment a, Set<Evidence> sources) {
        Finding oligo = a.findings().get("oligometastatic");
        md.append("**Oligometastatic (ESTRO-ASTRO): ").append(a.oligometastatic().code()).append("** - ")
                .append(oligo.facts().get(0)).append(". 1-5 lesions qualify; whether every lesion is safely ")
                .append("treatable is for the tumour board to confirm.\n\n");
        sources.addAll(oligo.evidence());
        Finding state = a.findings().get("estro-eortc-state");
        if (state != null) {
            md.append("**ESTRO-EORTC state: ")
                    .append(a.estroEortcState() == null ? "undetermined" : a.estroEortcState().label())
                    .append("** - ").append(String.join("; ", state.facts())).append(".\n\n");
            sources.addAll(state.evidence());
            if (a.estroEortcState() != null && a.estroEortcState().isInduced()) {
                md.append("> Induced oligometastatic disease has the poorest chance of cure by adding local ")
                        .append("treatment (Guckenberger 2020).\n\n");
            }
        }
    }

    private static void facts(StringBuilder md, Assessment a) {
        OmbcRecord r = a.record();
        md.append("#### Facts used\n\n| Site | Lesions | Since | Record |\n|---|---|---|---|\n");
        for (Lesion lesion : a.burden().current()) {
            md.append("| ").append(siteLabel(lesion)).append(" | ")
                    .append(lesion.count() == null ? "unknown" : lesion.count()).append(" | ")
                    .append(lesion.onset() == null ? "no date" : lesion.onset()).append(" | Condition/")
                    .append(escape(lesion.conditionId())).append(" |\n");
        }
        for (Lesion lesion : a.burden().unknownSideAxillary()) {
            md.append("| axillary node, side unknown (not counted) | - | ")
                    .append(lesion.onset() == null ? "no date" : lesion.onset()).append(" | Condition/")
                    .append(escape(lesion.conditionId())).append(" |\n");
        }
        md.append("\n- Primary: ").append(r.primary().side().name().toLowerCase(java.util.Locale.ROOT)).append(" breast, diagnosed ")
                .append(r.primary().diagnosed() == null ? "on an unknown date" : r.primary().diagnosed())
                .append(r.primaryResected() ? ", resected" : ", no breast surgery recorded").append('\n');
        md.append("- Subtype: ").append(a.subtype().label()).append(" (ER ").append(receptor(r.er()))
                .append(", PR ").append(receptor(r.pr())).append(", HER2 ").append(receptor(r.her2())).append(")\n");
        md.append("- Disease-free interval: ").append(a.diseaseFreeIntervalMonths() == null ? "unknown"
                : a.diseaseFreeIntervalMonths() + " months").append('\n');
        for (String note : r.notes()) {
            md.append("- Data note: ").append(escape(note)).append('\n');
        }
        md.append('\n');
    }

    private static String siteLabel(Lesion lesion) {
        String site = lesion.site().code().replace('-', ' ');
        return lesion.sternal() ? site + " (sternum)" : lesion.site() == Site.OTHER ? "other or unspecified" : site;
    }

    private static String receptor(ReceptorResult result) {
        String s = result.status().name().toLowerCase(java.util.Locale.ROOT);
        if (result.date() != null) {
            s += " " + result.date();
        }
        return result.conflicting() ? s + ", earlier results disagree" : s;
    }

    private static void factors(StringBuilder md, Assessment a, Set<Evidence> sources) {
        if (a.favorableFactors().isEmpty() && a.unfavorableFactors().isEmpty()) {
            return;
        }
        md.append("#### Prognostic factors (van Ommen-Nijhof 2020)\n\n");
        if (!a.favorableFactors().isEmpty()) {
            md.append("- Favourable: ").append(labels(a.favorableFactors())).append('\n');
        }
        if (!a.unfavorableFactors().isEmpty()) {
            md.append("- Unfavourable: ").append(labels(a.unfavorableFactors())).append('\n');
        }
        md.append('\n');
        sources.add(Evidence.VAN_OMMEN_NIJHOF_2020);
    }

    private static String labels(List<Factor> factors) {
        return String.join("; ", factors.stream().map(Factor::label).toList());
    }

    private static void options(StringBuilder md, Assessment a, Set<Evidence> sources) {
        if (a.recommendations().isEmpty()) {
            return;
        }
        md.append("#### Options\n\n");
        // Clinical order (tumour board first), not the alphabetical order of the contract's list.
        for (Recommendation recommendation : a.recommendations().stream().sorted().toList()) {
            Finding finding = a.findingFor(recommendation);
            md.append("- **").append(recommendation.title()).append("** (").append(String.join("; ", finding.facts()))
                    .append("). Rule: ").append(recommendation.rule()).append(".\n");
            for (Evidence evidence : finding.evidence()) {
                md.append("  - ").append(evidence.figure()).append(' ')
                        .append(link(evidence.citation(), evidence.url())).append('\n');
                sources.add(evidence);
            }
        }
        md.append('\n');
    }

    private static void trials(StringBuilder md, Assessment a) {
        if (a.trials().isEmpty()) {
            return;
        }
        md.append("#### Trials: check eligibility\n\n");
        if (a.oligometastatic() == OligometastaticState.NO) {
            md.append("Polymetastatic: metastasis-directed therapy within a trial only.\n\n");
        }
        for (Trial trial : a.trials()) {
            md.append("- ").append(link(trial.displayName() + " " + trial.nct(), trial.url())).append(": ")
                    .append(trial.criteria()).append('\n');
            for (String note : trial.notes()) {
                md.append("  - ").append(note).append('\n');
            }
        }
        md.append('\n');
    }

    private static void caveats(StringBuilder md, Assessment a, Set<Evidence> sources) {
        md.append("#### Caveats\n\n");
        if (a.oligometastatic() == OligometastaticState.NO) {
            md.append("- More than 5 lesions: not oligometastatic by ESTRO-ASTRO; no metastasis-directed ")
                    .append("therapy is suggested.\n");
        } else {
            md.append("- The evidence for metastasis-directed therapy is mostly retrospective or non-randomised; ")
                    .append("SABR-COMET (18% breast) is the randomised exception.\n")
                    .append("- NRG-BR002, the breast-specific randomised trial, was negative for PFS.\n");
            sources.add(Evidence.NRG_BR002);
            sources.add(Evidence.SABR_COMET);
        }
        md.append("- Decision support only: the tumour board decides.\n\n");
        sources.add(Evidence.MERLONI_2023);
    }

    private static void sources(StringBuilder md, Set<Evidence> sources, String knowledgeVersion) {
        md.append("#### Sources\n\n");
        for (Evidence evidence : sources) {
            md.append("- ").append(link(evidence.citation(), evidence.url())).append('\n');
        }
        md.append("\nKnowledge version ").append(knowledgeVersion)
                .append(" (rules: ").append(link("clinical rules", org.ombc.cds.logic.ClinicalRules.DOCUMENT))
                .append(", after Merloni et al. 2023).\n");
    }
}
