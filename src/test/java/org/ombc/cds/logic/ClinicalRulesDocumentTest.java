package org.ombc.cds.logic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.Vignettes;

/**
 * {@code docs/clinical-rules.md} is the rules as the code applies them: written from the recommendation rows, the
 * thresholds, the trials (ResearchStudy files) and the decisions where the rules are silent
 * ({@code docs/clinical-decisions.md}). The test fails when the file and the code disagree;
 * {@code -Ddocs.write=true} rewrites the file (review the diff).
 */
class ClinicalRulesDocumentTest {

    private static final Path DOCUMENT = Path.of(ClinicalRules.DOCUMENT);
    private static final Path DECISIONS_DOCUMENT = Path.of("docs/clinical-decisions.md");
    private static final String DECISIONS = "## Clinical decisions where the rules are silent";

    @Test
    void theRulesDocumentIsWhatTheCodeApplies() throws IOException {
        String expected = writeIfAsked();
        assertThat(Files.exists(DOCUMENT))
                .as("%s exists (run with -Ddocs.write=true)", DOCUMENT)
                .isTrue();
        assertThat(Files.readString(DOCUMENT))
                .as(
                        "%s is generated from the code: run this test with " + "-Ddocs.write=true and review the diff",
                        DOCUMENT)
                .isEqualTo(expected);
    }

    /** Row by row, so that a changed rule names the row: the committed table is the rule table. */
    @Test
    void theCommittedRecommendationTableIsTheRuleTable() throws IOException {
        writeIfAsked();
        String committed = section(Files.readString(DOCUMENT), "## Recommendations");
        for (Recommendation r : Recommendation.values()) {
            assertThat(committed)
                    .as("row `%s` of the rule table in %s", r.code(), DOCUMENT)
                    .contains("| `" + r.code() + "` | " + r.title() + " | " + r.when() + " | " + permitted(r.scope())
                            + " | " + String.join("; ", r.needs()) + " |");
        }
        assertThat(committed.lines().filter(l -> l.startsWith("| `")).count())
                .as("one row per recommendation in %s", DOCUMENT)
                .isEqualTo(Recommendation.values().length);
        assertThat(committed).isEqualTo(section(recommendationTable(), "## Recommendations"));
    }

    @Test
    void everyRecommendationEveryTrialAndEveryThresholdIsInTheDocument() throws IOException {
        String doc = document();
        for (Recommendation r : Recommendation.values()) {
            assertThat(doc).contains("`" + r.code() + "`");
        }
        for (Trial t : Vignettes.PROFILES.trials()) {
            assertThat(doc).contains(t.nct()).contains(t.displayName());
        }
        assertThat(doc)
                .contains("| " + Thresholds.SYNCHRONOUS_MONTHS + " months |")
                .contains("| " + Thresholds.IMAGING_WINDOW_DAYS + " days |");
    }

    /** The document as the code gives it, written to the repository with {@code -Ddocs.write=true}. */
    private static String writeIfAsked() throws IOException {
        String expected = document();
        if (Boolean.getBoolean("docs.write")) {
            Files.createDirectories(DOCUMENT.getParent());
            Files.writeString(DOCUMENT, expected);
        }
        return expected;
    }

    /** From a heading to the next heading of its level, stripped. */
    private static String section(String markdown, String heading) {
        int start = markdown.indexOf(heading + "\n");
        assertThat(start).as("'%s' in the document", heading).isNotNegative();
        int end = markdown.indexOf("\n## ", start + heading.length());
        return markdown.substring(start, end < 0 ? markdown.length() : end).strip();
    }

    static String document() throws IOException {
        StringBuilder md = new StringBuilder();
        String version = Vignettes.TERMINOLOGY.knowledgeVersion();
        md.append("# Clinical rules of ombc-cds\n\n")
                .append("Knowledge version ")
                .append(version)
                .append(". This is what the service applies, in the ")
                .append("project's words, after Merloni et al. 2023 (Ther Adv Med Oncol, ")
                .append("[doi:10.1177/17588359231161412](https://doi.org/10.1177/17588359231161412)) and the ")
                .append("ESTRO-ASTRO and ESTRO-EORTC consensus papers. It is generated from the code (the ")
                .append("recommendation rows, the thresholds, the trials in `fhir-profiles/researchstudies/`) and ")
                .append("the decisions of [clinical-decisions.md](clinical-decisions.md); ")
                .append("`ClinicalRulesDocumentTest` fails when they disagree ")
                .append("(`./mvnw test -Dtest=ClinicalRulesDocumentTest -Ddocs.write=true` rewrites it).\n\n")
                .append("Decision support only: the tumour board decides.\n\n");

        int max = Thresholds.OLIGO_MAX_LESIONS;
        md.append("## Thresholds\n\n| threshold | value | rule |\n|---|---|---|\n")
                .append("| oligometastatic (ESTRO-ASTRO) | at most ")
                .append(max)
                .append(" lesions | yes with ")
                .append(Thresholds.oligometastaticRange())
                .append(" current distant lesions, no above ")
                .append(max)
                .append(", indeterminate when the count is unknown; an axillary node of unknown side makes the ")
                .append("count a range (the node counted or not): yes only when its upper end is at most ")
                .append(max)
                .append(", no only when its lower end is above ")
                .append(max)
                .append(" |\n")
                .append("| synchronous (ESTRO-EORTC) | ")
                .append(Thresholds.SYNCHRONOUS_MONTHS)
                .append(" months | OMD diagnosis within this many months of the primary, either side |\n")
                .append("| disease status look-back | ")
                .append(Thresholds.PROGRESSION_LOOKBACK_DAYS)
                .append(" days | a disease status (LOINC 97509-4) dated from this many days before the OMD date on ")
                .append("decides progression or persistence |\n")
                .append("| long disease-free interval | ")
                .append(Thresholds.LONG_DFI_MONTHS)
                .append(" months | favourable factor at this many months or more (van Ommen-Nijhof 2020) |\n")
                .append("| short DFI before lung surgery | ")
                .append(Thresholds.LUNG_SHORT_DFI_MONTHS)
                .append(
                        " months | negative factor for a solitary lung lesion at this many months or less, or unknown (Fan 2015) |\n")
                .append("| staging imaging window | ")
                .append(Thresholds.IMAGING_WINDOW_DAYS)
                .append(" days | imaging dated within this many days of the OMD date, before or after |\n")
                .append("| liver RFA size | ")
                .append((int) Thresholds.RFA_MAX_MM)
                .append(" mm | a single liver lesion under this size (Bai 2018) |\n\n");

        md.append(recommendationTable()).append('\n');

        md.append("## Trials\n\n")
                .append(
                        "A trial is listed under \"check eligibility\" (never \"eligible\") when its status is `active` ")
                .append("and the record meets every criterion the service checks; the lesion count must be known, ")
                .append("and with an axillary node of unknown side the criteria must hold whether or not it is ")
                .append("counted. ")
                .append(
                        "The `clinical-trial` recommendation appears exactly when the patient is oligometastatic and a ")
                .append("trial is listed; with more than ")
                .append(Thresholds.OLIGO_MAX_LESIONS)
                .append(" lesions a trial may still be listed (within a trial only), with no metastasis-directed ")
                .append("recommendation. A site adds or replaces trials with ResearchStudy files in ")
                .append("`ombc.knowledge.extra-dir`.\n\n")
                .append("| trial | NCT | status | phase | checked criteria | notes |\n|---|---|---|---|---|---|\n");
        List<Trial> trials = Vignettes.PROFILES.trials().stream()
                .sorted(Comparator.comparing(Trial::nct))
                .toList();
        for (Trial t : trials) {
            md.append("| ")
                    .append(t.displayName())
                    .append(" | [")
                    .append(t.nct())
                    .append("](")
                    .append(t.url())
                    .append(") | ")
                    .append(t.status())
                    .append(" | ")
                    .append(t.phase())
                    .append(" | ")
                    .append(t.checks().stream().map(TrialCriterion::label).collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(String.join(" ", t.notes()))
                    .append(" |\n");
        }
        md.append("\n| criterion | meaning |\n|---|---|\n");
        for (TrialCriterion.Kind kind : TrialCriterion.Kind.values()) {
            md.append("| `")
                    .append(kind.code())
                    .append("` | ")
                    .append(definition(kind.code()))
                    .append(" |\n");
        }
        md.append('\n');

        md.append(decisionsFromDocument());
        return md.toString();
    }

    /**
     * The rule table ({@link Recommendation}), one row per recommendation of clinical-rules 6, with who may get it:
     * the scope column is where "never when oligometastatic is no" shows.
     */
    static String recommendationTable() {
        StringBuilder md = new StringBuilder("## Recommendations\n\n")
                .append(
                        "Metastasis-directed recommendations are never given when oligometastatic is `no`; of them only ")
                .append("`mdt-discussion` is given when it is `indeterminate`.\n\n")
                .append(
                        "| code | recommendation | when | given when oligometastatic is | reads | shown against it | evidence |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Recommendation r : Recommendation.values()) {
            md.append("| `")
                    .append(r.code())
                    .append("` | ")
                    .append(r.title())
                    .append(" | ")
                    .append(r.when())
                    .append(" | ")
                    .append(permitted(r.scope()))
                    .append(" | ")
                    .append(String.join("; ", r.needs()))
                    .append(" | ")
                    .append(r.shownAgainst().isEmpty() ? "-" : String.join("; ", r.shownAgainst()))
                    .append(" | ")
                    .append(r.evidence().stream()
                            .map(e -> "[" + e.citation() + "](" + e.url() + ")")
                            .collect(Collectors.joining("; ")))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String permitted(Recommendation.Scope scope) {
        return Arrays.stream(OligometastaticState.values())
                .filter(scope::permits)
                .map(o -> "`" + o.code() + "`")
                .collect(Collectors.joining(", "));
    }

    private static String definition(String code) {
        CodeSystem.ConceptDefinitionComponent concept = Vignettes.PROFILES.codeSystem().getConcept().stream()
                .filter(c -> c.getCode().equals(code))
                .findFirst()
                .orElseThrow();
        String definition = concept.getDefinition();
        return code.equals("synchronous")
                ? "the ESTRO-EORTC state is synchronous (de novo, within " + Thresholds.SYNCHRONOUS_MONTHS
                        + " months of the primary)"
                : definition.replaceFirst("^Trial criterion: ", "");
    }

    /** The hand-written section, as {@code docs/clinical-decisions.md} words it, up to the next section. */
    private static String decisionsFromDocument() throws IOException {
        String decisions = Files.readString(DECISIONS_DOCUMENT);
        int start = decisions.indexOf(DECISIONS);
        assertThat(start)
                .as("%s has the section '%s'", DECISIONS_DOCUMENT, DECISIONS)
                .isNotNegative();
        int end = decisions.indexOf("\n## ", start + DECISIONS.length());
        String section = decisions
                .substring(start + DECISIONS.length(), end < 0 ? decisions.length() : end)
                .strip();
        return "## Decisions where the rules are silent\n\n(From [clinical-decisions.md](clinical-decisions.md).)\n\n"
                + section + "\n";
    }
}
