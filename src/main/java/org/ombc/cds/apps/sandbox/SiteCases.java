package org.ombc.cds.apps.sandbox;

import static org.ombc.cds.apps.sandbox.CatalogueCodes.*;
import static org.ombc.cds.apps.sandbox.Expected.notMetastatic;
import static org.ombc.cds.apps.sandbox.Expected.oligometastatic;
import static org.ombc.cds.apps.sandbox.Expected.polymetastatic;
import static org.ombc.cds.apps.sandbox.PatientBundle.icd;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;

/**
 * Cases of the site-specific recommendations and their negatives (clinical-rules 6): liver, brain, regional
 * disease, and patients who get no metastasis-directed therapy or no card at all.
 */
final class SiteCases {

    private static final CodeableConcept BONE = sct("94222008");
    private static final CodeableConcept LIVER = sct("94381002");
    private static final CodeableConcept BRAIN = sct("94225005");

    private SiteCases() {}

    static void addTo(CatalogueBuilder c) {
        c.add("demo-liver-rfa", "Single 2.1 cm liver lesion, ER-positive")
                .primary("2017-05-01")
                .luminal("2017-05-03")
                .imaging("2022-11-01")
                .metastasis("liver-a", LIVER, "2022-11-01")
                .lesionSize("liver-a", 2.1, "cm");
        c.expect(oligometastatic("metachronous-oligorecurrence", 1)
                .recommends(MDT, SABR, METASTASIS_SURGERY, LIVER_RFA, TRIAL)
                .favorable(HR_POSITIVE, LONG_DFI, SOLITARY)
                .trials(OLIGO, CORE, CLEAR, PROMISE_005, SABR_COMET_3, OLIGOMA));

        c.add("demo-liver-large", "Single 4 cm liver lesion, ER-positive: too large for RFA")
                .primary("2017-05-01")
                .luminal("2017-05-03")
                .imaging("2022-11-01")
                .metastasis("liver-a", icd("C78.7"), "2022-11-01")
                .lesionSize("liver-a", 40, "mm");
        c.expect(oligometastatic("metachronous-oligorecurrence", 1)
                .recommends(MDT, SABR, METASTASIS_SURGERY, TRIAL)
                .favorable(HR_POSITIVE, LONG_DFI, SOLITARY)
                .trials(OLIGO, CORE, CLEAR, PROMISE_005, SABR_COMET_3, OLIGOMA));

        c.add("demo-liver-er-negative", "Single 1.5 cm liver lesion, ER-negative HER2-positive")
                .primary("2019-05-01")
                .er(false, "2019-05-03")
                .pr(false, "2019-05-03")
                .her2(true, "2019-05-03")
                .imaging("2022-11-01")
                .metastasis("liver-a", LIVER, "2022-11-01")
                .lesionSize("liver-a", 15, "mm");
        c.expect(oligometastatic("metachronous-oligorecurrence", 1)
                .recommends(MDT, SABR, METASTASIS_SURGERY, TRIAL)
                .favorable(LONG_DFI, SOLITARY)
                .unfavorable(HER2_POSITIVE)
                .trials(CORE, SABR_COMET_3, OLIGOMA));

        c.add("demo-brain-her2", "Solitary brain lesion, HER2-positive, on trastuzumab")
                .primary("2019-02-01")
                .er(false, "2019-02-03")
                .pr(false, "2019-02-03")
                .her2(true, "2019-02-03")
                .antiHer2Order("2019-03-01")
                .imaging("2023-01-05")
                .metastasis("brain-a", BRAIN, "2023-01-05");
        c.expect(oligometastatic("metachronous-oligoprogression", 1)
                .recommends(MDT, BRAIN_RADIOSURGERY, METASTASIS_SURGERY, TRIAL)
                .favorable(LONG_DFI, SOLITARY)
                .unfavorable(HER2_POSITIVE)
                .trials(SABR_COMET_3, OLIGOMA));

        c.add("demo-brain-two-and-bone", "Two brain lesions and one bone lesion")
                .primary("2018-02-01")
                .luminal("2018-02-03")
                .imaging("2023-01-05")
                .metastasis("brain-a", BRAIN, "2023-01-05")
                .lesionCount("brain-a", 2)
                .metastasis("bone-a", BONE, "2023-01-05");
        c.expect(oligometastatic("metachronous-oligorecurrence", 3)
                .recommends(MDT, SABR, BRAIN_RADIOSURGERY, TRIAL)
                .favorable(HR_POSITIVE, LONG_DFI)
                .trials(OLIGO, PROMISE_005, SABR_COMET_3, OLIGOMA));

        c.add("demo-sternum-only", "Isolated sternal metastasis: regional disease")
                .primary("2019-06-01")
                .luminal("2019-06-03")
                .imaging("2022-06-01")
                .metastasis("sternum-a", icd("C79.51"), sct("56873002"), "2022-06-01");
        c.expect(oligometastatic("metachronous-oligorecurrence", 1)
                .recommends(MDT, SABR, METASTASIS_SURGERY, REGIONAL, TRIAL)
                .favorable(HR_POSITIVE, LONG_DFI, SOLITARY)
                .trials(OLIGO, CORE, STEREO_OS, CLEAR, PROMISE_005, SABR_COMET_3, OLIGOMA));

        CodeableConcept rightAxilla = sct("68171009");
        rightAxilla.addExtension(new Extension(
                "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier", sct("24028007")));
        c.add("demo-contralateral-axilla", "Right axillary nodes after a left breast cancer")
                .primaryCoded(icd("C50.412"), "2018-06-01")
                .luminal("2018-06-03")
                .imaging("2022-06-01")
                .metastasis("axilla-a", icd("C77.3"), rightAxilla, "2022-06-01");
        c.expect(oligometastatic("metachronous-oligorecurrence", 1)
                .recommends(MDT, SABR, REGIONAL, TRIAL)
                .favorable(HR_POSITIVE, LONG_DFI, SOLITARY)
                .trials(OLIGO, CORE, CLEAR, PROMISE_005, OLIGOMA));

        c.add("demo-ipsilateral-axilla", "Left axillary node recurrence after a left cancer: regional, no card")
                .primary("2018-06-01")
                .luminal("2018-06-03")
                .metastasis("axilla-a", icd("C77.3"), sct("7771000"), "2022-06-01");
        c.expect(notMetastatic());

        c.add("demo-polymetastatic", "Eight liver and lung lesions: not oligometastatic")
                .primary("2020-01-15", "73056007")
                .er(false, "2020-01-20")
                .pr(false, "2020-01-20")
                .her2(true, "2020-01-20")
                .imaging("2022-07-28")
                .metastasis("liver-a", icd("C78.7"), "2022-08-01")
                .lesionCount("liver-a", 5)
                .metastasis("lung-a", icd("C78.01"), "2022-08-01")
                .lesionCount("lung-a", 3);
        c.expect(
                polymetastatic(8).favorable(LONG_DFI).unfavorable(HER2_POSITIVE).trials(SABR_COMET_10));

        c.add("demo-polymetastatic-bone", "Twelve bone lesions recorded as one Condition with a count")
                .primary("2016-01-15")
                .luminal("2016-01-20")
                .imaging("2022-07-28")
                .metastasis("bone-a", BONE, "2022-08-01")
                .lesionCount("bone-a", 12);
        c.expect(polymetastatic(12).favorable(HR_POSITIVE, LONG_DFI));

        c.add("demo-early-breast-cancer", "Early breast cancer, no metastasis: no card")
                .primary("2023-01-15")
                .luminal("2023-01-20")
                .mastectomy("2023-02-20");
        c.expect(notMetastatic());

        PatientBundle hypertension = c.add("demo-no-breast-cancer", "Hypertension only: no card");
        hypertension.add(hypertension.condition("htn", sct("38341003"), "2015-01-01", "active"));
        c.expect(notMetastatic());
    }
}
