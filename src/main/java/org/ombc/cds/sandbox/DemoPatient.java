package org.ombc.cds.sandbox;

import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.Resource;

/**
 * A named synthetic patient of the sandbox, with the one-line story shown in the card viewer and what the
 * assessment must conclude for it (checked by a test, so the story never lies).
 *
 * @param oligometastatic expected state code, or null for no metastatic breast cancer (no card)
 * @param estroEortcState expected ESTRO-EORTC code, or null
 * @param recommended     recommendation codes that must be present
 * @param notRecommended  recommendation codes that must be absent
 * @param missingData     missing-data codes that must be reported
 */
public record DemoPatient(String id, String name, String story, List<Resource> resources, String oligometastatic,
                          String estroEortcState, Set<String> recommended, Set<String> notRecommended,
                          Set<String> missingData) {

    public DemoPatient {
        resources = List.copyOf(resources);
        recommended = Set.copyOf(recommended);
        notRecommended = Set.copyOf(notRecommended);
        missingData = Set.copyOf(missingData);
    }
}
