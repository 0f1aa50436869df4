package org.ombc.cds.apps.sandbox;

import static org.ombc.cds.apps.sandbox.CatalogueCodes.*;
import static org.ombc.cds.apps.sandbox.Expected.oligometastatic;
import static org.ombc.cds.apps.sandbox.Expected.polymetastatic;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * Each threshold of the rules on its edge and one step beyond, with day-precise dates so that the whole date
 * interval lies on one side (clinical-rules 8): 6 months, 90 days, 24 and 36 months, 5 and 10 lesions.
 */
final class ThresholdCases {

    private static final CodeableConcept BONE = sct("94222008");
    private static final CodeableConcept LUNG = sct("94391008");
    private static final String SHORT_DFI = "negative factor: disease-free interval";

    private ThresholdCases() {}

    static void addTo(CatalogueBuilder c) {
        sixMonths(
                c.add("demo-edge-6-months", "Bone lesion exactly 6 months after the primary: synchronous"),
                "2020-07-10");
        c.expect(oligometastatic("synchronous", 1)
                .recommends(MDT, SABR, METASTASIS_SURGERY, PRIMARY_SURGERY, TRIAL)
                .favorable(HR_POSITIVE, SOLITARY)
                .trials(OLIGO, STEREO_SEIN, CORE, STEREO_OS, CLEAR, PROMISE_005, SABR_COMET_3, OLIGOMA));
        sixMonths(c.add("demo-edge-6-months-1-day", "Bone lesion 6 months and 1 day after the primary"), "2020-07-11");
        c.expect(solitaryBone().favorable(HR_POSITIVE, SOLITARY));

        relapse(c.add("demo-edge-imaging-90-days-after", "PET-CT 90 days after the bone lesion: staging done"))
                .imaging("2021-05-30");
        c.expect(solitaryBone());
        relapse(c.add("demo-edge-imaging-91-days-after", "PET-CT 91 days after the bone lesion: too late"))
                .imaging("2021-05-31");
        c.expect(solitaryBone().recommends(MDT, SABR, METASTASIS_SURGERY, STAGING, TRIAL));
        relapse(c.add("demo-edge-imaging-90-days-before", "PET-CT 90 days before the bone lesion: staging done"))
                .imaging("2020-12-01");
        c.expect(solitaryBone());
        relapse(c.add("demo-edge-imaging-91-days-before", "PET-CT 91 days before the bone lesion: too old"))
                .imaging("2020-11-30");
        c.expect(solitaryBone().recommends(MDT, SABR, METASTASIS_SURGERY, STAGING, TRIAL));

        c.add("demo-edge-dfi-24-months", "Bone lesion exactly 24 months after the primary: long DFI")
                .primary("2019-03-01")
                .luminal("2019-03-05")
                .metastasis("m1", BONE, "2021-03-01")
                .imaging("2021-03-01");
        c.expect(solitaryBone());
        c.add("demo-edge-dfi-23-months", "Bone lesion one day short of 24 months after the primary")
                .primary("2019-03-01")
                .luminal("2019-03-05")
                .metastasis("m1", BONE, "2021-02-28")
                .imaging("2021-02-28");
        c.expect(solitaryBone().favorable(HR_POSITIVE, SOLITARY));

        c.add("demo-edge-lung-36-months", "Solitary lung lesion 36 months after the primary: short DFI flagged")
                .primary("2018-01-01")
                .luminal("2018-01-05")
                .metastasis("l1", LUNG, "2021-01-01")
                .imaging("2021-01-01");
        c.expect(solitaryLung().shows(METASTASIS_SURGERY, SHORT_DFI));
        c.add("demo-edge-lung-37-months", "Solitary lung lesion 37 months after the primary: DFI not flagged")
                .primary("2018-01-01")
                .luminal("2018-01-05")
                .metastasis("l1", LUNG, "2021-02-01")
                .imaging("2021-02-01");
        c.expect(solitaryLung().showsNot(METASTASIS_SURGERY, SHORT_DFI));

        relapse(c.add("demo-edge-5-lesions", "Five bone lesions: still oligometastatic"))
                .boneLesions(4, "2021-03-01")
                .imaging("2021-03-01");
        c.expect(oligometastatic("metachronous-oligorecurrence", 5)
                .recommends(MDT, SABR, TRIAL)
                .favorable(HR_POSITIVE, LONG_DFI)
                .trials(SABR_COMET_10, PROMISE_005, OLIGOMA));
        relapse(c.add("demo-edge-6-lesions", "Six bone lesions: polymetastatic, SABR-COMET-10 within a trial"))
                .boneLesions(5, "2021-03-01")
                .imaging("2021-03-01");
        c.expect(polymetastatic(6).favorable(HR_POSITIVE, LONG_DFI).trials(SABR_COMET_10));
        relapse(c.add("demo-edge-10-lesions", "Ten bone lesions: SABR-COMET-10 still listed"))
                .boneLesions(9, "2021-03-01")
                .imaging("2021-03-01");
        c.expect(polymetastatic(10).favorable(HR_POSITIVE, LONG_DFI).trials(SABR_COMET_10));
        relapse(c.add("demo-edge-11-lesions", "Eleven bone lesions: no trial listed"))
                .boneLesions(10, "2021-03-01")
                .imaging("2021-03-01");
        c.expect(polymetastatic(11).favorable(HR_POSITIVE, LONG_DFI));
    }

    /**
     * A metachronous solitary bone lesion after a luminal primary in remission, more than 24 months later: every
     * local option and the first-line trials that take bone.
     */
    private static Expected solitaryBone() {
        return oligometastatic("metachronous-oligorecurrence", 1)
                .recommends(MDT, SABR, METASTASIS_SURGERY, TRIAL)
                .favorable(HR_POSITIVE, LONG_DFI, SOLITARY)
                .trials(OLIGO, CORE, STEREO_OS, CLEAR, PROMISE_005, SABR_COMET_3, OLIGOMA);
    }

    /** The same with the lesion in the lung: surgery stays, STEREO-OS (bone only) goes. */
    private static Expected solitaryLung() {
        return solitaryBone().trials(OLIGO, CORE, CLEAR, PROMISE_005, SABR_COMET_3, OLIGOMA);
    }

    /** Primary 2020-01-10, luminal; one bone lesion (imaged that day) on {@code onset}. */
    private static PatientBundle sixMonths(PatientBundle chart, String onset) {
        return chart.primary("2020-01-10")
                .luminal("2020-01-15")
                .metastasis("m1", BONE, onset)
                .imaging(onset);
    }

    /** Primary 2016 (in remission), luminal; one bone lesion on 2021-03-01, the OMD date. */
    private static PatientBundle relapse(PatientBundle chart) {
        return chart.primary("2016-01-01").luminal("2016-01-10").metastasis("m0", BONE, "2021-03-01");
    }
}
