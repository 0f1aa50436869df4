package org.ombc.cds.sandbox;

import static org.ombc.cds.sandbox.PatientBundle.code;
import static org.ombc.cds.sandbox.PatientBundle.icd;
import static org.ombc.cds.sandbox.PatientBundle.sct;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Deterministic synthetic breast cancer patients: the named demo patients of the sandbox, covering every
 * ESTRO-EORTC state, every recommendation and its negative, polymetastatic and non-metastatic patients, missing
 * data and the coding variety real EHRs send; and any number of random charts for load tests.
 */
public final class SyntheticPatients {

    private static final CodeableConcept BONE = sct("94222008");
    private static final CodeableConcept LIVER = sct("94381002");
    private static final CodeableConcept LUNG = sct("94391008");
    private static final CodeableConcept BRAIN = sct("94225005");
    private static final String[] SITE_CODES = {"94222008", "94381002", "94391008", "94225005", "94493005", "94161006"};
    private static final String[] GIVEN = {"Ada", "Beatriz", "Chiara", "Dorota", "Elif", "Fatima", "Grace", "Hanna",
            "Ines", "Julia", "Kemi", "Lena", "Mei", "Nadia", "Olga", "Priya", "Rosa", "Sofia", "Tamar", "Ursula"};
    private static final String[] FAMILY = {"Andersen", "Bianchi", "Costa", "Dubois", "Esposito", "Fischer", "Garcia",
            "Haddad", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrova", "Rossi"};

    private SyntheticPatients() {
    }

    private static final class Demo {
        final PatientBundle chart;
        final String story;
        String oligo;
        String state;
        Set<String> yes = Set.of();
        Set<String> no = Set.of();
        Set<String> missing = Set.of();

        Demo(String id, int n, String story) {
            this.chart = PatientBundle.patient(id).named(GIVEN[n % GIVEN.length], FAMILY[n % FAMILY.length] + "-Demo",
                    (1950 + n) + "-0" + (1 + n % 9) + "-1" + (n % 9));
            this.story = story;
        }

        Demo expect(String oligo, String state, Set<String> yes, Set<String> no) {
            this.oligo = oligo;
            this.state = state;
            this.yes = yes;
            this.no = no;
            return this;
        }

        Demo missing(String... codes) {
            this.missing = Set.of(codes);
            return this;
        }

        DemoPatient build() {
            var patient = (org.hl7.fhir.r4.model.Patient) chart.resources().get(0);
            String name = patient.getNameFirstRep().getGivenAsSingleString() + " " + patient.getNameFirstRep().getFamily();
            return new DemoPatient(chart.patientId(), name, story, globalIds(chart), oligo, state, yes, no, missing);
        }
    }

    /**
     * Ids unique across all patients ("demo-x-bone-a"), so that a FHIR server can hold every demo patient: the
     * builder's ids are only unique within one chart. References between a chart's resources follow.
     */
    static List<org.hl7.fhir.r4.model.Resource> globalIds(PatientBundle chart) {
        String prefix = chart.patientId() + "-";
        List<org.hl7.fhir.r4.model.Resource> resources = chart.resources();
        for (org.hl7.fhir.r4.model.Resource r : resources) {
            if (!(r instanceof org.hl7.fhir.r4.model.Patient)) {
                r.setId(prefix + r.getIdElement().getIdPart());
            }
            if (r instanceof Observation o) {
                for (Reference focus : o.getFocus()) {
                    String ref = focus.getReference();
                    int slash = ref.indexOf('/');
                    focus.setReference(ref.substring(0, slash + 1) + prefix + ref.substring(slash + 1));
                }
            }
        }
        return resources;
    }

    /** The named demo patients, in the order the card viewer lists them. */
    public static List<DemoPatient> demoPatients() {
        List<Demo> d = new ArrayList<>();
        int n = 0;
        Demo x;

        x = new Demo("demo-sync-luminal-bone", n++, "De novo HR+/HER2- cancer with 2 bone lesions, breast intact");
        x.chart.primary("2024-02-01").luminal("2024-02-05").imaging("2024-02-10")
                .metastasis("bone-a", BONE, "2024-02-10").metastasis("bone-b", icd("C79.51"), "2024-02-10");
        d.add(x.expect("yes", "synchronous", Set.of("primary-tumor-surgery", "sabr", "mdt-discussion", "clinical-trial"),
                Set.of("staging-imaging", "metastasis-surgery")));

        x = new Demo("demo-sync-triple-negative", n++, "De novo triple-negative cancer with one liver lesion");
        x.chart.primary("2024-03-01").tripleNegative("2024-03-03").imaging("2024-03-10")
                .metastasis("liver-a", LIVER, "2024-03-10").lesionSize("liver-a", 42, "mm");
        d.add(x.expect("yes", "synchronous", Set.of("metastasis-surgery", "sabr"), Set.of("primary-tumor-surgery", "liver-rfa")));

        x = new Demo("demo-sync-resected", n++, "De novo HR+ cancer, mastectomy already done, one lung lesion");
        x.chart.primary("2023-09-01").luminal("2023-09-05").mastectomy("2023-10-01").imaging("2023-09-20")
                .metastasis("lung-a", LUNG, "2023-09-20");
        d.add(x.expect("yes", "synchronous", Set.of("metastasis-surgery"), Set.of("primary-tumor-surgery")));

        x = new Demo("demo-metachronous-recurrence", n++, "Lung relapse 5 years after a luminal cancer, off therapy");
        x.chart.primary("2018-04-01").luminal("2018-04-05").nCategory("pN0", "2018-04-20")
                .endocrineTherapy("2018-06-01", "2023-06-01").imaging("2023-09-01").metastasis("lung-a", LUNG, "2023-09-01");
        d.add(x.expect("yes", "metachronous-oligorecurrence", Set.of("metastasis-surgery", "sabr"), Set.of("primary-tumor-surgery")));

        x = new Demo("demo-metachronous-progression", n++, "Bone relapse during adjuvant letrozole");
        x.chart.primary("2020-01-10").luminal("2020-01-15").endocrineTherapy("2020-03-01", null)
                .imaging("2023-02-01").metastasis("bone-a", BONE, "2023-02-01").lesionCount("bone-a", 2);
        d.add(x.expect("yes", "metachronous-oligoprogression", Set.of("sabr"), Set.of("metastasis-surgery")));

        x = new Demo("demo-repeat-recurrence", n++, "Second episode: lung lesion resected 2019, liver lesion 2023");
        repeat(x.chart);
        d.add(x.expect("yes", "repeat-oligorecurrence", Set.of("metastasis-surgery"), Set.of()));

        x = new Demo("demo-repeat-progression", n++, "Second episode growing on fulvestrant");
        repeat(x.chart).endocrineTherapy("2019-08-01", null).progression(true, "2023-05-02");
        d.add(x.expect("yes", "repeat-oligoprogression", Set.of("sabr"), Set.of()));

        x = new Demo("demo-repeat-persistence", n++, "Second episode stable on endocrine therapy");
        repeat(x.chart).endocrineTherapy("2019-08-01", null).progression(false, "2023-05-02");
        d.add(x.expect("yes", "repeat-oligopersistence", Set.of("sabr"), Set.of()));

        x = new Demo("demo-induced-recurrence", n++, "Seven bone lesions, five resolved on chemotherapy, now off therapy");
        induced(x.chart).endocrineTherapy("2022-01-15", "2022-08-01");
        d.add(x.expect("yes", "induced-oligorecurrence", Set.of("sabr"), Set.of()));

        x = new Demo("demo-induced-progression", n++, "Residual lesions after polymetastatic disease, growing on therapy");
        induced(x.chart).endocrineTherapy("2022-01-15", null).progression(true, "2023-01-10");
        d.add(x.expect("yes", "induced-oligoprogression", Set.of("sabr"), Set.of()));

        x = new Demo("demo-induced-persistence", n++, "Residual lesions after polymetastatic disease, stable on therapy");
        induced(x.chart).endocrineTherapy("2022-01-15", null).progression(false, "2023-01-10");
        d.add(x.expect("yes", "induced-oligopersistence", Set.of("sabr"), Set.of()));

        x = new Demo("demo-liver-rfa", n++, "Single 2.1 cm liver lesion, ER-positive");
        x.chart.primary("2017-05-01").luminal("2017-05-03").imaging("2022-11-01")
                .metastasis("liver-a", LIVER, "2022-11-01").lesionSize("liver-a", 2.1, "cm");
        d.add(x.expect("yes", "metachronous-oligorecurrence", Set.of("liver-rfa", "metastasis-surgery"), Set.of()));

        x = new Demo("demo-liver-large", n++, "Single 4 cm liver lesion, ER-positive: too large for RFA");
        x.chart.primary("2017-05-01").luminal("2017-05-03").imaging("2022-11-01")
                .metastasis("liver-a", icd("C78.7"), "2022-11-01").lesionSize("liver-a", 40, "mm");
        d.add(x.expect("yes", "metachronous-oligorecurrence", Set.of("metastasis-surgery"), Set.of("liver-rfa")));

        x = new Demo("demo-liver-er-negative", n++, "Single 1.5 cm liver lesion, ER-negative HER2-positive");
        x.chart.primary("2019-05-01").er(false, "2019-05-03").pr(false, "2019-05-03").her2(true, "2019-05-03")
                .imaging("2022-11-01").metastasis("liver-a", LIVER, "2022-11-01").lesionSize("liver-a", 15, "mm");
        d.add(x.expect("yes", "metachronous-oligorecurrence", Set.of("metastasis-surgery"), Set.of("liver-rfa")));

        x = new Demo("demo-brain-her2", n++, "Solitary brain lesion, HER2-positive, on trastuzumab");
        x.chart.primary("2019-02-01").er(false, "2019-02-03").pr(false, "2019-02-03").her2(true, "2019-02-03")
                .antiHer2Order("2019-03-01").imaging("2023-01-05").metastasis("brain-a", BRAIN, "2023-01-05");
        d.add(x.expect("yes", "metachronous-oligoprogression", Set.of("brain-radiosurgery", "metastasis-surgery"),
                Set.of("sabr")));

        x = new Demo("demo-brain-two-and-bone", n++, "Two brain lesions and one bone lesion");
        x.chart.primary("2018-02-01").luminal("2018-02-03").imaging("2023-01-05")
                .metastasis("brain-a", BRAIN, "2023-01-05").lesionCount("brain-a", 2).metastasis("bone-a", BONE, "2023-01-05");
        d.add(x.expect("yes", "metachronous-oligorecurrence", Set.of("brain-radiosurgery", "sabr"),
                Set.of("metastasis-surgery", "regional-curative-treatment")));

        x = new Demo("demo-sternum-only", n++, "Isolated sternal metastasis: regional disease");
        x.chart.primary("2019-06-01").luminal("2019-06-03").imaging("2022-06-01")
                .metastasis("sternum-a", icd("C79.51"), sct("56873002"), "2022-06-01");
        d.add(x.expect("yes", "metachronous-oligorecurrence", Set.of("regional-curative-treatment"), Set.of()));

        x = new Demo("demo-contralateral-axilla", n++, "Right axillary nodes after a left breast cancer");
        CodeableConcept rightAxilla = sct("68171009");
        rightAxilla.addExtension(new Extension("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier",
                sct("24028007")));
        x.chart.primaryCoded(icd("C50.412"), "2018-06-01").luminal("2018-06-03").imaging("2022-06-01")
                .metastasis("axilla-a", icd("C77.3"), rightAxilla, "2022-06-01");
        d.add(x.expect("yes", "metachronous-oligorecurrence", Set.of("regional-curative-treatment"), Set.of()));

        x = new Demo("demo-ipsilateral-axilla", n++, "Left axillary node recurrence after a left cancer: regional, no card");
        x.chart.primary("2018-06-01").luminal("2018-06-03").metastasis("axilla-a", icd("C77.3"), sct("7771000"), "2022-06-01");
        d.add(x.expect(null, null, Set.of(), Set.of("mdt-discussion")));

        x = new Demo("demo-polymetastatic", n++, "Eight liver and lung lesions: not oligometastatic");
        x.chart.primary("2020-01-15", "73056007").er(false, "2020-01-20").pr(false, "2020-01-20").her2(true, "2020-01-20")
                .imaging("2022-07-28").metastasis("liver-a", icd("C78.7"), "2022-08-01").lesionCount("liver-a", 5)
                .metastasis("lung-a", icd("C78.01"), "2022-08-01").lesionCount("lung-a", 3);
        d.add(x.expect("no", null, Set.of(), Set.of("mdt-discussion", "sabr", "clinical-trial", "brain-radiosurgery")));

        x = new Demo("demo-polymetastatic-bone", n++, "Twelve bone lesions recorded as one Condition with a count");
        x.chart.primary("2016-01-15").luminal("2016-01-20").imaging("2022-07-28")
                .metastasis("bone-a", BONE, "2022-08-01").lesionCount("bone-a", 12);
        d.add(x.expect("no", null, Set.of(), Set.of("mdt-discussion", "sabr")));

        x = new Demo("demo-early-breast-cancer", n++, "Early breast cancer, no metastasis: no card");
        x.chart.primary("2023-01-15").luminal("2023-01-20").mastectomy("2023-02-20");
        d.add(x.expect(null, null, Set.of(), Set.of("mdt-discussion")));

        x = new Demo("demo-no-breast-cancer", n++, "Hypertension only: no card");
        x.chart.add(x.chart.condition("htn", sct("38341003"), "2015-01-01", "active"));
        d.add(x.expect(null, null, Set.of(), Set.of("mdt-discussion")));

        x = new Demo("demo-missing-receptors", n++, "Bone relapse, receptor results never recorded");
        x.chart.primary("2017-01-15").imaging("2022-03-01").metastasis("bone-a", BONE, "2022-03-01");
        d.add(x.expect("yes", "metachronous-oligorecurrence", Set.of("sabr"), Set.of()).missing("er-status", "pr-status", "her2-status"));

        x = new Demo("demo-missing-dates", n++, "Lung lesion and primary recorded without dates");
        x.chart.primary(null).luminal("2017-01-20").imaging("2022-03-01").metastasis("lung-a", LUNG, null);
        d.add(x.expect("yes", null, Set.of("sabr"), Set.of("primary-tumor-surgery"))
                .missing("primary-diagnosis-date", "metastasis-diagnosis-date"));

        x = new Demo("demo-unknown-count", n++, "Liver metastases, count recorded as 'multiple'");
        x.chart.primary("2017-01-15").luminal("2017-01-20").imaging("2022-03-01").metastasis("liver-a", LIVER, "2022-03-01");
        Observation multiple = x.chart.observation(code(PatientBundle.OMBC, "metastatic-lesion-count"), "2022-03-01");
        multiple.addFocus(new Reference("Condition/liver-a"));
        multiple.setValue(new StringType("multiple"));
        x.chart.add(multiple);
        d.add(x.expect("indeterminate", null, Set.of("mdt-discussion"), Set.of("sabr", "metastasis-surgery"))
                .missing("lesion-count"));

        x = new Demo("demo-unknown-axilla-side", n++, "Axillary node metastasis, side not recorded, plus a bone lesion");
        x.chart.primary("2018-01-15", null).luminal("2018-01-20").imaging("2022-03-01")
                .metastasis("bone-a", BONE, "2022-03-01").metastasis("axilla-a", sct("128462008"), sct("68171009"), "2022-03-01");
        d.add(x.expect("yes", "metachronous-oligorecurrence", Set.of("sabr"), Set.of("regional-curative-treatment"))
                .missing("axillary-node-laterality"));

        x = new Demo("demo-needs-staging", n++, "Two liver lesions on ultrasound, no CT, PET or MRI recorded");
        x.chart.primary("2017-01-15").luminal("2017-01-20").metastasis("liver-a", LIVER, "2022-03-01").lesionCount("liver-a", 2);
        d.add(x.expect("yes", "metachronous-oligorecurrence", Set.of("staging-imaging", "metastasis-surgery"), Set.of()));

        x = new Demo("demo-old-imaging", n++, "Bone lesion; last staging imaging 8 months before it");
        x.chart.primary("2017-01-15").luminal("2017-01-20").imaging("2021-07-01").metastasis("bone-a", BONE, "2022-03-01");
        d.add(x.expect("yes", "metachronous-oligorecurrence", Set.of("staging-imaging"), Set.of()));

        x = new Demo("demo-contradictory-er", n++, "ER positive at diagnosis, negative on the metastasis biopsy");
        x.chart.primary("2017-01-15").er(true, "2017-01-20").pr(false, "2022-03-05").her2(false, "2022-03-05")
                .er(false, "2022-03-05").imaging("2022-03-01").metastasis("bone-a", BONE, "2022-03-01");
        d.add(x.expect("yes", "metachronous-oligorecurrence", Set.of("sabr"), Set.of()));

        x = new Demo("demo-icd-coded", n++, "Three lesions coded in ICD-10-CM without dots, systems given as OIDs");
        x.chart.primaryCoded(code("urn:oid:2.16.840.1.113883.6.90", "C50912"), "2016-01-15").luminal("2016-01-20")
                .imaging("2022-03-01").metastasis("bone-a", code("urn:oid:2.16.840.1.113883.6.90", "C7951"), "2022-03-01")
                .metastasis("liver-a", code("urn:oid:2.16.840.1.113883.6.90", "C787"), "2022-03-01")
                .metastasis("lung-a", code("urn:oid:2.16.840.1.113883.6.96", "94391008"), "2022-03-01");
        d.add(x.expect("yes", "metachronous-oligorecurrence", Set.of("sabr", "metastasis-surgery"), Set.of()));

        x = new Demo("demo-node-positive-her2", n++, "HER2-positive, pN2a at diagnosis, one adrenal lesion");
        x.chart.primary("2019-01-15").er(false, "2019-01-20").pr(false, "2019-01-20").her2(true, "2019-01-20")
                .nCategory("pN2a", "2019-02-01").imaging("2021-03-01").metastasis("adrenal-a", sct("94161006"), "2021-03-01");
        d.add(x.expect("yes", "metachronous-oligorecurrence", Set.of("sabr"), Set.of("metastasis-surgery")));

        x = new Demo("demo-four-lesions", n++, "Four lesions in bone and liver: SABR-COMET-10 territory");
        x.chart.primary("2016-01-15").luminal("2016-01-20").imaging("2022-03-01")
                .metastasis("bone-a", BONE, "2022-03-01").lesionCount("bone-a", 3).metastasis("liver-a", LIVER, "2022-03-01");
        d.add(x.expect("yes", "metachronous-oligorecurrence", Set.of("sabr", "clinical-trial"), Set.of()));

        return d.stream().map(Demo::build).toList();
    }

    /**
     * A patient as a FHIR transaction Bundle of PUTs: loads into any FHIR server (the compose set-up's HAPI JPA
     * server) with the ids kept.
     */
    public static org.hl7.fhir.r4.model.Bundle transaction(DemoPatient demo) {
        var bundle = new org.hl7.fhir.r4.model.Bundle().setType(org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION);
        for (org.hl7.fhir.r4.model.Resource r : demo.resources()) {
            String url = r.fhirType() + "/" + r.getIdElement().getIdPart();
            bundle.addEntry().setResource(r).getRequest()
                    .setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.PUT).setUrl(url);
        }
        return bundle;
    }

    /** Lung lesion 2019 resected (abated), liver lesion 2023. */
    private static PatientBundle repeat(PatientBundle chart) {
        return chart.primary("2016-03-01").luminal("2016-03-05").imaging("2023-05-01")
                .pastMetastasis("lung-old", LUNG, "2019-06-01", "2019-07-15")
                .metastasis("liver-a", LIVER, "2023-05-01");
    }

    /** Seven bone lesions in January 2022, five resolved by September 2022. */
    private static PatientBundle induced(PatientBundle chart) {
        chart.primary("2018-01-01").luminal("2018-01-05").imaging("2022-09-01");
        for (int i = 0; i < 5; i++) {
            chart.pastMetastasis("bone-old-" + i, BONE, "2022-01-10", "2022-09-01");
        }
        return chart.metastasis("bone-a", BONE, "2022-01-10").metastasis("bone-b", BONE, "2022-01-10");
    }

    /**
     * A random chart with {@code lesions} current lesions at random sites, random receptors, therapy and imaging:
     * for load tests and property tests. The same seed gives the same chart.
     */
    public static PatientBundle randomChart(Random random, int lesions) {
        int year = 2010 + random.nextInt(10);
        PatientBundle chart = PatientBundle.patient("random-" + random.nextInt(1_000_000))
                .named(GIVEN[random.nextInt(GIVEN.length)], FAMILY[random.nextInt(FAMILY.length)] + "-Synthetic",
                        (1940 + random.nextInt(45)) + "-0" + (1 + random.nextInt(9)) + "-15")
                .primary(year + "-0" + (1 + random.nextInt(9)) + "-15")
                .er(random.nextBoolean(), year + "-10-01").pr(random.nextBoolean(), year + "-10-01")
                .her2(random.nextBoolean(), year + "-10-01");
        if (random.nextBoolean()) {
            chart.imaging((year + 3) + "-06-01");
        }
        if (random.nextBoolean()) {
            chart.endocrineTherapy(year + "-11-01", random.nextBoolean() ? null : (year + 2) + "-11-01");
        }
        for (int i = 0; i < lesions; i++) {
            chart.metastasis("l" + i, sct(SITE_CODES[random.nextInt(SITE_CODES.length)]),
                    (year + 1 + random.nextInt(4)) + "-0" + (1 + random.nextInt(9)) + "-01");
        }
        return chart;
    }

    /** {@code count} random charts from {@code seed}, with 0 to 9 lesions each. */
    public static List<PatientBundle> randomCharts(long seed, int count) {
        Random random = new Random(seed);
        List<PatientBundle> charts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            charts.add(randomChart(random, random.nextInt(10)));
        }
        return charts;
    }
}
