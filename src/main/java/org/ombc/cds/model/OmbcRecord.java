package org.ombc.cds.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the selection logic reads about one patient, mapped from FHIR R4. Plain values only: the logic
 * never sees a FHIR resource.
 *
 * @param patientId        the Patient's logical id; null when the resources hold no Patient
 * @param primary          the breast cancer, null when the record has none
 * @param lesions          every metastasis Condition that exists (refuted and entered-in-error are dropped),
 *                         current and past
 * @param er               latest ER result
 * @param pr               latest PR result
 * @param her2             latest HER2 result
 * @param nodesAtDiagnosis N category at primary diagnosis
 * @param diseaseStatuses  every disease-status result on imaging (LOINC 97509-4)
 * @param therapies        periods of systemic therapy
 * @param imagingDates     dates of imaging reports or studies
 * @param primaryResected  a completed breast surgery Procedure exists
 * @param notes            what the mapper dropped or could not read, in words a clinician can act on: the
 *                         data-quality card shows them
 * @param staged           staging that records distant metastases (M1, stage IV); null when none does
 * @param unreadCancer     some Condition looks like cancer (or claims an mCODE cancer profile) but its code is not
 *                         one the service places: the breast cancer or a metastasis may be missed (clinical-rules 10)
 */
public record OmbcRecord(
        @Nullable String patientId,
        @Nullable PrimaryTumour primary,
        List<Lesion> lesions,
        ReceptorResult er,
        ReceptorResult pr,
        ReceptorResult her2,
        NodalStatus nodesAtDiagnosis,
        List<DiseaseStatus> diseaseStatuses,
        List<TherapyPeriod> therapies,
        List<DateInterval> imagingDates,
        boolean primaryResected,
        List<String> notes,
        @Nullable StagedMetastasis staged,
        boolean unreadCancer) {

    public OmbcRecord {
        lesions = List.copyOf(lesions);
        diseaseStatuses = List.copyOf(diseaseStatuses);
        therapies = List.copyOf(therapies);
        imagingDates = List.copyOf(imagingDates);
        notes = List.copyOf(notes);
    }

    public boolean hasBreastCancer() {
        return primary != null;
    }
}
