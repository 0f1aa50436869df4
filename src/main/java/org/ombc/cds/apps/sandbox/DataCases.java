package org.ombc.cds.apps.sandbox;

import static org.ombc.cds.apps.sandbox.CatalogueCodes.*;
import static org.ombc.cds.apps.sandbox.Expected.indeterminate;
import static org.ombc.cds.apps.sandbox.Expected.oligometastatic;
import static org.ombc.cds.apps.sandbox.PatientBundle.code;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Cases of the record as EHRs send it (clinical-rules 1, 2 and 7): missing and contradictory data, staging
 * imaging, prognostic factors, and the coding variety the mapping must read.
 */
final class DataCases {

    private static final CodeableConcept BONE = sct("94222008");
    private static final CodeableConcept LIVER = sct("94381002");
    private static final CodeableConcept LUNG = sct("94391008");
    private static final String ICD_OID = "urn:oid:2.16.840.1.113883.6.90";

    private DataCases() {}

    static void addTo(CatalogueBuilder c) {
        c.add("demo-missing-receptors", "Bone relapse, receptor results never recorded")
                .primary("2017-01-15")
                .imaging("2022-03-01")
                .metastasis("bone-a", BONE, "2022-03-01");
        c.expect(oligometastatic("metachronous-oligorecurrence", 1)
                .recommends(MDT, SABR, METASTASIS_SURGERY, TRIAL)
                .favorable(LONG_DFI, SOLITARY)
                .missing("er-status", "pr-status", "her2-status")
                .trials(CORE, STEREO_OS, PROMISE_005, SABR_COMET_3, OLIGOMA));

        c.add("demo-missing-dates", "Lung lesion and primary recorded without dates")
                .primary(null)
                .luminal("2017-01-20")
                .imaging("2022-03-01")
                .metastasis("lung-a", LUNG, null);
        c.expect(oligometastatic(null, 1)
                .recommends(MDT, SABR, METASTASIS_SURGERY, TRIAL)
                .favorable(HR_POSITIVE, SOLITARY)
                .missing("primary-diagnosis-date", "metastasis-diagnosis-date")
                .trials(OLIGO, CORE, CLEAR, PROMISE_005, SABR_COMET_3, OLIGOMA));

        PatientBundle multiple = c.add("demo-unknown-count", "Liver metastases, count recorded as 'multiple'")
                .primary("2017-01-15")
                .luminal("2017-01-20")
                .imaging("2022-03-01")
                .metastasis("liver-a", LIVER, "2022-03-01");
        Observation count = multiple.observation(code(PatientBundle.OMBC, "metastatic-lesion-count"), "2022-03-01");
        count.addFocus(new Reference("Condition/liver-a"));
        count.setValue(new StringType("multiple"));
        multiple.add(count);
        c.expect(
                indeterminate().recommends(MDT).favorable(HR_POSITIVE, LONG_DFI).missing("lesion-count"));

        c.add("demo-unknown-axilla-side", "Axillary node metastasis, side not recorded, plus a bone lesion")
                .primary("2018-01-15", null)
                .luminal("2018-01-20")
                .imaging("2022-03-01")
                .metastasis("bone-a", BONE, "2022-03-01")
                .metastasis("axilla-a", sct("128462008"), sct("68171009"), "2022-03-01");
        c.expect(oligometastatic("metachronous-oligorecurrence", 1)
                .recommends(MDT, SABR, TRIAL)
                .favorable(HR_POSITIVE, LONG_DFI)
                .missing("axillary-node-laterality")
                .trials(OLIGO, CORE, STEREO_OS, CLEAR, PROMISE_005, SABR_COMET_3, OLIGOMA)
                .shows("oligometastatic", "2 if the axillary node(s) of unknown side are contralateral"));

        c.add("demo-needs-staging", "Two liver lesions on ultrasound, no CT, PET or MRI recorded")
                .primary("2017-01-15")
                .luminal("2017-01-20")
                .metastasis("liver-a", LIVER, "2022-03-01")
                .lesionCount("liver-a", 2);
        c.expect(oligometastatic("metachronous-oligorecurrence", 2)
                .recommends(MDT, SABR, METASTASIS_SURGERY, STAGING, TRIAL)
                .favorable(HR_POSITIVE, LONG_DFI)
                .trials(OLIGO, CORE, CLEAR, PROMISE_005, SABR_COMET_3, OLIGOMA));

        c.add("demo-old-imaging", "Bone lesion; last staging imaging 8 months before it")
                .primary("2017-01-15")
                .luminal("2017-01-20")
                .imaging("2021-07-01")
                .metastasis("bone-a", BONE, "2022-03-01");
        c.expect(oligometastatic("metachronous-oligorecurrence", 1)
                .recommends(MDT, SABR, METASTASIS_SURGERY, STAGING, TRIAL)
                .favorable(HR_POSITIVE, LONG_DFI, SOLITARY)
                .trials(OLIGO, CORE, STEREO_OS, CLEAR, PROMISE_005, SABR_COMET_3, OLIGOMA));

        c.add("demo-contradictory-er", "ER positive at diagnosis, negative on the metastasis biopsy")
                .primary("2017-01-15")
                .er(true, "2017-01-20")
                .pr(false, "2022-03-05")
                .her2(false, "2022-03-05")
                .er(false, "2022-03-05")
                .imaging("2022-03-01")
                .metastasis("bone-a", BONE, "2022-03-01");
        c.expect(oligometastatic("metachronous-oligorecurrence", 1)
                .recommends(MDT, SABR, METASTASIS_SURGERY, TRIAL)
                .favorable(LONG_DFI, SOLITARY)
                .trials(OLIGO, CORE, STEREO_OS, PROMISE_005, SABR_COMET_3, OLIGOMA));

        c.add("demo-icd-coded", "Three lesions coded in ICD-10-CM without dots, systems given as OIDs")
                .primaryCoded(code(ICD_OID, "C50912"), "2016-01-15")
                .luminal("2016-01-20")
                .imaging("2022-03-01")
                .metastasis("bone-a", code(ICD_OID, "C7951"), "2022-03-01")
                .metastasis("liver-a", code(ICD_OID, "C787"), "2022-03-01")
                .metastasis("lung-a", code("urn:oid:2.16.840.1.113883.6.96", "94391008"), "2022-03-01");
        c.expect(oligometastatic("metachronous-oligorecurrence", 3)
                .recommends(MDT, SABR, METASTASIS_SURGERY, TRIAL)
                .favorable(HR_POSITIVE, LONG_DFI)
                .trials(OLIGO, PROMISE_005, OLIGOMA));

        c.add("demo-node-positive-her2", "HER2-positive, pN2a at diagnosis, one adrenal lesion")
                .primary("2019-01-15")
                .er(false, "2019-01-20")
                .pr(false, "2019-01-20")
                .her2(true, "2019-01-20")
                .nCategory("pN2a", "2019-02-01")
                .imaging("2021-03-01")
                .metastasis("adrenal-a", sct("94161006"), "2021-03-01");
        c.expect(oligometastatic("metachronous-oligorecurrence", 1)
                .recommends(MDT, SABR, TRIAL)
                .favorable(LONG_DFI, SOLITARY)
                .unfavorable(NODES_AT_DIAGNOSIS, HER2_POSITIVE)
                .trials(CORE, SABR_COMET_3, OLIGOMA));

        c.add("demo-four-lesions", "Four lesions in bone and liver: SABR-COMET-10 territory")
                .primary("2016-01-15")
                .luminal("2016-01-20")
                .imaging("2022-03-01")
                .metastasis("bone-a", BONE, "2022-03-01")
                .lesionCount("bone-a", 3)
                .metastasis("liver-a", LIVER, "2022-03-01");
        c.expect(oligometastatic("metachronous-oligorecurrence", 4)
                .recommends(MDT, SABR, METASTASIS_SURGERY, TRIAL)
                .favorable(HR_POSITIVE, LONG_DFI)
                .trials(SABR_COMET_10, PROMISE_005, OLIGOMA));
    }
}
