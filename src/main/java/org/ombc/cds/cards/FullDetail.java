package org.ombc.cds.cards;

import static org.ombc.cds.cards.Markdown.escape;
import static org.ombc.cds.cards.Markdown.link;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.Evidence;
import org.ombc.cds.logic.Factor;
import org.ombc.cds.logic.Finding;
import org.ombc.cds.logic.OligometastaticState;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.logic.Trial;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.model.PrimaryTumour;
import org.ombc.cds.model.ReceptorResult;

/**
 * The full evidence behind one main card, served at {@code /ombc/cards/{uuid}} ("How this was decided"): the
 * facts used, the state and the rule behind it, the factors, every option with its rule and all of its evidence
 * for this patient's sites, trials with their criteria, caveats, each source once, and the codes of the
 * assessment. No patient name, id, birth date or record id: the page is opened outside the EHR.
 */
public final class FullDetail {

    /** "Observation abc-1 " in a note: the id goes, the kind stays. */
    private static final Pattern NAMED_RECORD = Pattern.compile("\\b(Observation|Condition) (?=\\S*[0-9-])\\S+ ");
    /** "(Observation/abc-1)" in a note: dropped. */
    private static final Pattern RECORD_REFERENCE = Pattern.compile(" ?\\(?\\b[A-Z][A-Za-z]+/[A-Za-z0-9.-]{1,64}\\)?");

    private FullDetail() {}

    public static String of(Assessment a) {
        return render(a, pageNotes(a.record().notes()));
    }

    /**
     * The page of an assessment whose record notes are already in page form ({@link #pageNotes}): how a page is
     * rendered again from the compact audit, which stores no record id.
     */
    public static String withPageNotes(Assessment a) {
        return render(a, a.record().notes());
    }

    /** The mapper's notes as the page shows them: without the record ids some of them name. */
    public static List<String> pageNotes(List<String> notes) {
        return notes.stream()
                .map(note -> RECORD_REFERENCE
                        .matcher(NAMED_RECORD.matcher(note).replaceAll("$1 "))
                        .replaceAll(""))
                .toList();
    }

    private static String render(Assessment a, List<String> notes) {
        StringBuilder md = new StringBuilder(4096);
        Set<Evidence> sources = new LinkedHashSet<>();
        md.append("# How this was decided\n\n");
        state(md, a, sources);
        facts(md, a, notes);
        factors(md, a, sources);
        options(md, a, sources);
        trials(md, a);
        caveats(md, a, sources);
        sources(md, sources);
        codes(md, a);
        return md.toString();
    }

    private static void state(StringBuilder md, Assessment a, Set<Evidence> sources) {
        md.append(DiseaseLines.state(a)).append("\n\n");
        Finding oligo = a.findings().get("oligometastatic");
        if (oligo != null) {
            // The assessor sets the state together with its finding.
            OligometastaticState state = Objects.requireNonNull(a.oligometastatic(), "set with its finding");
            md.append("- Oligometastatic (ESTRO-ASTRO): **")
                    .append(state.code())
                    .append("**: ")
                    .append(String.join("; ", oligo.facts()))
                    .append(". 1-5 lesions qualify; whether every lesion ")
                    .append("is safely treatable is for the tumour board to confirm.\n");
            sources.addAll(oligo.evidence());
        }
        Finding state = a.findings().get("estro-eortc-state");
        if (state != null) {
            md.append("- ESTRO-EORTC state: **")
                    .append(
                            a.estroEortcState() == null
                                    ? "undetermined"
                                    : a.estroEortcState().label())
                    .append("**: ")
                    .append(String.join("; ", state.facts()))
                    .append(".\n");
            sources.addAll(state.evidence());
            if (a.estroEortcState() != null && a.estroEortcState().isInduced()) {
                md.append("- Induced oligometastatic disease has the poorest chance of cure by adding local ")
                        .append("treatment (Guckenberger 2020).\n");
            }
        }
        md.append('\n');
    }

    private static void facts(StringBuilder md, Assessment a, List<String> notes) {
        OmbcRecord r = a.record();
        md.append("## Facts used\n\n| Site | Lesions | Since |\n|---|---|---|\n");
        for (Lesion lesion : a.burden().current()) {
            md.append("| ")
                    .append(DiseaseLines.siteName(lesion))
                    .append(" | ")
                    .append(lesion.count() == null ? "unknown" : lesion.count())
                    .append(" | ")
                    .append(lesion.onsetDate() == null ? "no date" : lesion.onsetDate())
                    .append(" |\n");
        }
        for (Lesion lesion : a.burden().unknownSideAxillary()) {
            md.append("| axillary node, side unknown (not counted) | - | ")
                    .append(lesion.onsetDate() == null ? "no date" : lesion.onsetDate())
                    .append(" |\n");
        }
        // A page is rendered for a main card only: breast cancer, so a primary.
        PrimaryTumour primary = Objects.requireNonNull(r.primary(), "a main card's record has a primary");
        md.append("\n- Primary: ")
                .append(primary.side().name().toLowerCase(java.util.Locale.ROOT))
                .append(" breast, diagnosed ")
                .append(primary.diagnosedDate() == null ? "on an unknown date" : primary.diagnosedDate())
                .append(r.primaryResected() ? ", resected" : ", no breast surgery recorded")
                .append('\n');
        md.append("- Subtype: ")
                .append(a.subtype().label())
                .append(" (ER ")
                .append(receptor(r.er()))
                .append(", PR ")
                .append(receptor(r.pr()))
                .append(", HER2 ")
                .append(receptor(r.her2()))
                .append(")\n");
        if (a.estroEortcState() != org.ombc.cds.logic.EstroEortcState.SYNCHRONOUS) {
            // Meaningless for de novo disease (metastases found with the primary), as on the card's summary.
            md.append("- Disease-free interval: ")
                    .append(
                            a.diseaseFreeIntervalMonths() == null
                                    ? "unknown"
                                    : a.diseaseFreeIntervalMonths() + " months")
                    .append('\n');
        }
        // Notes may name the record they come from: the page carries no record ids (pageNotes).
        for (String note : notes) {
            md.append("- Data note: ").append(escape(note)).append('\n');
        }
        md.append('\n');
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
        md.append("## Prognostic factors (van Ommen-Nijhof 2020)\n\n");
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
        md.append("## Options\n\n");
        for (Recommendation recommendation :
                a.recommendations().stream().sorted().toList()) {
            Finding finding = a.findingFor(recommendation);
            md.append("- **")
                    .append(recommendation.title())
                    .append("** (")
                    .append(String.join("; ", finding.facts()))
                    .append("). Applies when: ")
                    .append(recommendation.when())
                    .append(".\n");
            for (Evidence evidence : CardKnowledge.evidenceFor(recommendation, a)) {
                md.append("  - ")
                        .append(evidence.figure())
                        .append(" (")
                        .append(CardKnowledge.shortName(evidence))
                        .append(")\n");
                sources.add(evidence);
            }
        }
        md.append('\n');
    }

    private static void trials(StringBuilder md, Assessment a) {
        List<Trial> trials = CardKnowledge.trials(a);
        if (trials.isEmpty()) {
            return;
        }
        md.append("## Trials: check eligibility\n\n");
        if (a.oligometastatic() == OligometastaticState.NO) {
            md.append("Polymetastatic: metastasis-directed therapy within a trial only.\n\n");
        }
        for (Trial trial : trials) {
            md.append("- ")
                    .append(link(trial.displayName() + " " + trial.nct(), trial.url()))
                    .append(": ")
                    .append(trial.criteria())
                    .append('\n');
            for (String note : trial.notes()) {
                md.append("  - ").append(note).append('\n');
            }
        }
        md.append('\n');
    }

    private static void caveats(StringBuilder md, Assessment a, Set<Evidence> sources) {
        md.append("## Caveats\n\n");
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

    /** Each source once: several entries may cite the same paper (the review for its own references). */
    private static void sources(StringBuilder md, Set<Evidence> sources) {
        md.append("## Sources\n\n");
        Set<String> urls = new LinkedHashSet<>();
        for (Evidence evidence : sources) {
            if (urls.add(evidence.url())) {
                md.append("- ")
                        .append(link(evidence.citation(), evidence.url()))
                        .append('\n');
            }
        }
        md.append('\n');
    }

    private static void codes(StringBuilder md, Assessment a) {
        AssessmentJson j = AssessmentJson.of(a);
        md.append("## Codes (the card's ombc-assessment extension)\n\n")
                .append("- oligometastatic: `")
                .append(j.oligometastatic())
                .append("`\n")
                .append("- estroEortcState: `")
                .append(j.estroEortcState())
                .append("`\n")
                .append("- subtype: `")
                .append(j.subtype())
                .append("`\n")
                .append("- recommendations: `")
                .append(String.join(", ", j.recommendations()))
                .append("`\n")
                .append("- missingData: `")
                .append(String.join(", ", j.missingData()))
                .append("`\n")
                .append("\nKnowledge version ")
                .append(a.knowledgeVersion())
                .append("; rules: clinical-rules.md sections 3-7, after Merloni et al. 2023.\n");
    }
}
