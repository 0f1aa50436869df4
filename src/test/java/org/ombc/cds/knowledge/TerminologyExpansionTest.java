package org.ombc.cds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ombc.cds.support.Vignettes;

/**
 * The concept families of clinical-rules 10 as the service loads them: codes that real data sends (taken from the
 * mCODE IG examples, Synthea's breast cancer module, CMS EOM and public converters, not from our source lists) are
 * members; look-alikes are not breast cancer; the published expansions are what the sources and the build script
 * give.
 */
class TerminologyExpansionTest {

    private static final String SNOMED = Terminology.SNOMED;
    private static final String LOINC = Terminology.LOINC;
    private static final String RXNORM = Terminology.RXNORM;
    private static final String ICD10CM = Terminology.ICD10CM;
    private static final Path TERMINOLOGY_DIR = Path.of("fhir-profiles", "terminology");

    private final Terminology terminology = Vignettes.TERMINOLOGY;

    private boolean contains(String valueSet, String system, String code) {
        return terminology.contains(valueSet, new Coding(system, code, null));
    }

    @ParameterizedTest(name = "{0} {1} is in {2}")
    @CsvSource({
        // mCODE extended example (Jenny M): primary malignant neoplasm of left female breast
        "http://snomed.info/sct, 353431000119107, primary-breast-cancer",
        // Synthea breast_cancer module and mCODE: malignant neoplasm of breast
        "http://snomed.info/sct, 254837009, primary-breast-cancer",
        // clinical-rules 10 example, histologic type: infiltrating duct carcinoma of breast
        "http://snomed.info/sct, 408643008, primary-breast-cancer",
        "http://hl7.org/fhir/sid/icd-10-cm, C50.912, primary-breast-cancer",
        // mCODE secondary cancer example: brain metastases
        "http://snomed.info/sct, 94225005, metastasis-code-brain",
        // secondary malignant neoplasm of vertebral column (public SNOMED matching fixtures): bone
        "http://snomed.info/sct, 94602001, metastasis-code-bone",
        "http://snomed.info/sct, 94602001, metastasis",
        // clinical-rules 10: secondary malignant neoplasm of axillary lymph nodes
        "http://snomed.info/sct, 94181007, metastasis-code-axillary-lymph-node",
        "http://snomed.info/sct, 94381002, metastasis-code-liver",
        // Synthea ER and PR, CMS EOM tissue IHC
        "http://loinc.org, 85337-4, er-test",
        "http://loinc.org, 40556-3, er-test",
        "http://loinc.org, 85339-0, pr-test",
        "http://loinc.org, 40557-1, pr-test",
        // mCODE example HER2 by immunoassay in tissue; Synthea HER2 IHC and FISH; MII HER2 IHC
        "http://loinc.org, 72382-5, her2-test",
        "http://loinc.org, 85319-2, her2-test",
        "http://loinc.org, 85318-4, her2-test",
        "http://loinc.org, 18474-7, her2-test",
        // MII HER2/CEP17 ratio component; Synthea's ratio text on 85318-4
        "http://loinc.org, 49683-6, her2-ish-ratio",
        "http://loinc.org, 85318-4, her2-ish-ratio",
        // HER2 IHC score answers as public converters map them (LOINC LL4396-9)
        "http://loinc.org, LA11843-2, her2-ihc-positive",
        "http://loinc.org, LA6111-4, her2-ihc-negative",
        "http://loinc.org, LA11841-6, her2-ihc-negative",
        "http://loinc.org, LA11842-4, her2-ihc-equivocal",
        // Synthea tnm_diagnosis: 21907-1 with value 55440008 M1 category; mCODE cM observable; AJCC cM1/pM1
        "http://loinc.org, 21907-1, staging-m-category",
        "http://snomed.info/sct, 399387003, staging-m-category",
        "http://snomed.info/sct, 55440008, m1-category",
        "http://snomed.info/sct, 1229903009, m1-category",
        "http://snomed.info/sct, 1229916009, m1-category",
        // mCODE stage group observables; trial-matching tests' stage 4 and 4B
        "http://snomed.info/sct, 399537006, stage-group",
        "http://loinc.org, 21902-2, stage-group",
        "http://snomed.info/sct, 258228008, stage-iv",
        "http://snomed.info/sct, 261643006, stage-iv",
        // Synthea chemotherapy and hormone therapy orders (clinical and branded drugs, brand names)
        "http://www.nlm.nih.gov/research/umls/rxnorm, 1734919, systemic-therapy",
        "http://www.nlm.nih.gov/research/umls/rxnorm, 597195, systemic-therapy",
        "http://www.nlm.nih.gov/research/umls/rxnorm, 1790099, systemic-therapy",
        "http://www.nlm.nih.gov/research/umls/rxnorm, 583214, systemic-therapy",
        "http://www.nlm.nih.gov/research/umls/rxnorm, 203870, systemic-therapy",
        "http://www.nlm.nih.gov/research/umls/rxnorm, 101306, systemic-therapy",
        "http://www.nlm.nih.gov/research/umls/rxnorm, 203870, systemic-therapy-agents",
    })
    void realWorldCodesAreMembersOfTheirFamily(String system, String code, String valueSet) {
        assertThat(contains(valueSet, system, code)).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} is not breast cancer")
    @CsvSource({
        // in situ: DCIS (German breast questionnaire examples), LCIS (mCODE), ICD-10-CM D05
        "http://snomed.info/sct, 109889007",
        "http://snomed.info/sct, 109888004",
        "http://hl7.org/fhir/sid/icd-10-cm, D05.12",
        // family history of breast cancer (German MII molecular genetics examples)
        "http://snomed.info/sct, 429740004",
        // personal and family history, screening, benign
        "http://hl7.org/fhir/sid/icd-10-cm, Z85.3",
        "http://hl7.org/fhir/sid/icd-10-cm, Z80.3",
        "http://hl7.org/fhir/sid/icd-10-cm, Z12.31",
        "http://hl7.org/fhir/sid/icd-10-cm, D24.1",
    })
    void lookAlikesAreExcludedAndNotBreastCancer(String system, String code) {
        assertThat(contains("primary-breast-cancer", system, code)).isFalse();
        assertThat(contains("breast-cancer-excluded", system, code)).isTrue();
    }

    @Test
    void anM0OrAnEarlierStageIsNotMetastatic() {
        // mCODE Jenny M cM0 and Synthea M0 category; AJCC stage IIB of the mCODE example
        assertThat(contains("m1-category", SNOMED, "1229901006")).isFalse();
        assertThat(contains("m1-category", SNOMED, "30893008")).isFalse();
        assertThat(contains("stage-iv", SNOMED, "1222769001")).isFalse();
    }

    @Test
    void serumHer2IsNotATissueReceptorResult() {
        // CMS EOM lists serum HER2 among HER2 tests; shed antigen in serum says nothing of the tumour's status
        assertThat(contains("her2-test", LOINC, "32996-1")).isFalse();
        assertThat(contains("her2-test", LOINC, "51981-9")).isFalse();
    }

    @Test
    void anAgentIsNamedByItsIngredientAndItsBrand() {
        List<String> names = terminology.concepts(ValueSetId.SYSTEMIC_THERAPY_AGENTS).stream()
                .map(Terminology.Concept::display)
                .toList();
        assertThat(names).contains("fulvestrant", "Faslodex", "trastuzumab", "Herceptin", "letrozole", "Femara");
        assertThat(terminology.concepts(ValueSetId.SYSTEMIC_THERAPY_AGENTS)).allSatisfy(c -> {
            assertThat(c.display()).isNotBlank();
            assertThat(contains("systemic-therapy", c.system(), c.code())).isTrue();
        });
    }

    @Test
    void everyExpansionMemberHasASourceLine() throws IOException {
        Set<String> sourced = new HashSet<>();
        try (Stream<Path> files = Files.list(TERMINOLOGY_DIR)) {
            for (Path tsv : files.filter(p -> p.toString().endsWith(".tsv")).toList()) {
                List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
                assertThat(lines.get(0)).as(tsv.toString()).isEqualTo("system\tcode\tdisplay\tsource");
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = line.split("\t", -1);
                    assertThat(cells).as(tsv + ": " + line).hasSize(4);
                    assertThat(cells[3]).as(tsv + ": source of " + cells[1]).isNotBlank();
                    sourced.add(cells[0] + "|" + cells[1]);
                }
            }
        }
        List<String> unsourced = new ArrayList<>();
        int expanded = 0;
        for (ValueSet vs : Vignettes.PROFILES.valueSets()) {
            if (!vs.hasExpansion()) {
                continue;
            }
            expanded++;
            assertThat(vs.getExpansion().getTimestamp()).as(vs.getId()).isNotNull();
            assertThat(vs.getExpansion().getIdentifier()).as(vs.getId()).isNotBlank();
            for (ValueSet.ValueSetExpansionContainsComponent member :
                    vs.getExpansion().getContains()) {
                if (!sourced.contains(member.getSystem() + "|" + member.getCode())) {
                    unsourced.add(vs.getIdElement().getIdPart() + ": " + member.getSystem() + "|" + member.getCode());
                }
            }
        }
        assertThat(expanded).isGreaterThanOrEqualTo(20);
        assertThat(unsourced).isEmpty();
    }

    @Test
    void rebuildingTheExpansionsFromTheirSourcesChangesNothing() throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("python3", "build-expansions.py", "--check")
                    .directory(TERMINOLOGY_DIR.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException noPython) {
            assumeTrue(false, "python3 is not installed: the build script's idempotence is not checked here");
            return;
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void theLoaderReadsMembersThatOnlyTheExpansionLists() {
        // 94300004 secondary malignant neoplasm of femur is in no compose, only in the bone expansion
        assertThat(contains("metastasis-code-bone", SNOMED, "94300004")).isTrue();
        assertThat(contains("metastasis-code-liver", SNOMED, "94300004")).isFalse();
        assertThat(contains("systemic-therapy", RXNORM, "1601385")).isTrue();
        assertThat(contains("primary-breast-cancer", ICD10CM, "C79.51")).isFalse();
    }
}
