package org.ombc.cds.apps.sandbox;

import static org.ombc.cds.apps.sandbox.CatalogueCodes.*;
import static org.ombc.cds.apps.sandbox.Expected.oligometastatic;
import static org.ombc.cds.apps.sandbox.PatientBundle.icd;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import org.hl7.fhir.r4.model.CodeableConcept;

/** Cases of the nine ESTRO-EORTC states (clinical-rules 4) and what each state allows (clinical-rules 6). */
final class StateCases {

    private static final CodeableConcept BONE = sct("94222008");
    private static final CodeableConcept LIVER = sct("94381002");
    private static final CodeableConcept LUNG = sct("94391008");

    private StateCases() {}

    static void addTo(CatalogueBuilder c) {
        c.add("demo-sync-luminal-bone", "De novo HR+/HER2- cancer with 2 bone lesions, breast intact")
                .primary("2024-02-01")
                .luminal("2024-02-05")
                .imaging("2024-02-10")
                .metastasis("bone-a", BONE, "2024-02-10")
                .metastasis("bone-b", icd("C79.51"), "2024-02-10");
        c.expect(oligometastatic("synchronous", 2)
                .recommends(MDT, SABR, PRIMARY_SURGERY, TRIAL)
                .favorable(HR_POSITIVE)
                .trials(OLIGO, STEREO_SEIN, CORE, STEREO_OS, CLEAR, PROMISE_005, SABR_COMET_3, OLIGOMA));

        c.add("demo-sync-triple-negative", "De novo triple-negative cancer with one liver lesion")
                .primary("2024-03-01")
                .tripleNegative("2024-03-03")
                .imaging("2024-03-10")
                .metastasis("liver-a", LIVER, "2024-03-10")
                .lesionSize("liver-a", 42, "mm");
        c.expect(oligometastatic("synchronous", 1)
                .recommends(MDT, SABR, METASTASIS_SURGERY, TRIAL)
                .favorable(SOLITARY)
                .trials(OLIGO, CORE, PROMISE_005, SABR_COMET_3, OLIGOMA));

        c.add("demo-sync-resected", "De novo HR+ cancer, mastectomy already done, one lung lesion")
                .primary("2023-09-01")
                .luminal("2023-09-05")
                .mastectomy("2023-10-01")
                .imaging("2023-09-20")
                .metastasis("lung-a", LUNG, "2023-09-20");
        c.expect(oligometastatic("synchronous", 1)
                .recommends(MDT, SABR, METASTASIS_SURGERY, TRIAL)
                .favorable(HR_POSITIVE, SOLITARY)
                .trials(OLIGO, STEREO_SEIN, CORE, CLEAR, PROMISE_005, SABR_COMET_3, OLIGOMA));

        c.add("demo-metachronous-recurrence", "Lung relapse 5 years after a luminal cancer, off therapy")
                .primary("2018-04-01")
                .luminal("2018-04-05")
                .nCategory("pN0", "2018-04-20")
                .endocrineTherapy("2018-06-01", "2023-06-01")
                .imaging("2023-09-01")
                .metastasis("lung-a", LUNG, "2023-09-01");
        c.expect(oligometastatic("metachronous-oligorecurrence", 1)
                .recommends(MDT, SABR, METASTASIS_SURGERY, TRIAL)
                .favorable(HR_POSITIVE, LONG_DFI, SOLITARY)
                .trials(OLIGO, CORE, CLEAR, PROMISE_005, SABR_COMET_3, OLIGOMA));

        c.add("demo-metachronous-progression", "Bone relapse during adjuvant letrozole")
                .primary("2020-01-10")
                .luminal("2020-01-15")
                .endocrineTherapy("2020-03-01", null)
                .imaging("2023-02-01")
                .metastasis("bone-a", BONE, "2023-02-01")
                .lesionCount("bone-a", 2);
        c.expect(oligometastatic("metachronous-oligoprogression", 2)
                .recommends(MDT, SABR, TRIAL)
                .favorable(HR_POSITIVE, LONG_DFI)
                .trials(OLIGO, CORE, STEREO_OS, CLEAR, PROMISE_005, SABR_COMET_3, OLIGOMA));

        repeat(c.add("demo-repeat-recurrence", "Second episode: lung lesion resected 2019, liver lesion 2023"));
        c.expect(repeat("repeat-oligorecurrence"));

        repeat(c.add("demo-repeat-progression", "Second episode growing on fulvestrant"))
                .endocrineTherapy("2019-08-01", null)
                .progression(true, "2023-05-02");
        c.expect(repeat("repeat-oligoprogression"));

        repeat(c.add("demo-repeat-persistence", "Second episode stable on endocrine therapy"))
                .endocrineTherapy("2019-08-01", null)
                .progression(false, "2023-05-02");
        c.expect(repeat("repeat-oligopersistence"));

        induced(c.add("demo-induced-recurrence", "Seven bone lesions, five resolved on chemotherapy, now off therapy"))
                .endocrineTherapy("2022-01-15", "2022-08-01");
        c.expect(induced("induced-oligorecurrence"));

        induced(c.add("demo-induced-progression", "Residual lesions after polymetastatic disease, growing on therapy"))
                .endocrineTherapy("2022-01-15", null)
                .progression(true, "2023-01-10");
        c.expect(induced("induced-oligoprogression"));

        induced(c.add("demo-induced-persistence", "Residual lesions after polymetastatic disease, stable on therapy"))
                .endocrineTherapy("2022-01-15", null)
                .progression(false, "2023-01-10");
        c.expect(induced("induced-oligopersistence"));
    }

    /** A second episode, not first line: only the trials that take any line. */
    private static Expected repeat(String state) {
        return oligometastatic(state, 1)
                .recommends(MDT, SABR, METASTASIS_SURGERY, TRIAL)
                .favorable(HR_POSITIVE, LONG_DFI, SOLITARY)
                .trials(PROMISE_005, SABR_COMET_3, OLIGOMA);
    }

    /** Two bone lesions left of seven: not solitary, not first line. */
    private static Expected induced(String state) {
        return oligometastatic(state, 2)
                .recommends(MDT, SABR, TRIAL)
                .favorable(HR_POSITIVE, LONG_DFI)
                .trials(PROMISE_005, SABR_COMET_3, OLIGOMA);
    }

    /** Lung lesion 2019 resected (abated), liver lesion 2023. */
    private static PatientBundle repeat(PatientBundle chart) {
        return chart.primary("2016-03-01")
                .luminal("2016-03-05")
                .imaging("2023-05-01")
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
}
