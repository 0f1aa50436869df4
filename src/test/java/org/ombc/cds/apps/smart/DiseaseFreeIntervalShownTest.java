package org.ombc.cds.apps.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.apps.sandbox.VignetteCatalogue;
import org.ombc.cds.cards.FullDetail;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.EstroEortcState;
import org.ombc.cds.support.Vignettes;

/**
 * The disease-free interval means nothing for synchronous (de novo) disease: metastases found with the primary. The
 * tumour-board view said "Disease-free interval: 0 months" and the card's full detail showed it (issue #27); both
 * leave it out there, and still show it for metachronous disease.
 */
class DiseaseFreeIntervalShownTest {

    private static Assessment demo(String id) {
        return Vignettes.assess(PatientBundle.bundleOf(VignetteCatalogue.cases().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow()
                .resources()));
    }

    @Test
    void deNovoDiseaseShowsNoDiseaseFreeInterval() {
        Assessment deNovo = demo("demo-sync-luminal-bone");
        assertThat(deNovo.estroEortcState()).isEqualTo(EstroEortcState.SYNCHRONOUS);
        assertThat(TumourBoardPage.render(deNovo, "<svg/>", List.of())).doesNotContain("Disease-free interval");
        assertThat(FullDetail.of(deNovo)).doesNotContain("Disease-free interval");
    }

    @Test
    void metachronousDiseaseStillShowsIt() {
        Assessment later = demo("demo-induced-recurrence");
        assertThat(later.estroEortcState()).isNotEqualTo(EstroEortcState.SYNCHRONOUS);
        assertThat(later.diseaseFreeIntervalMonths()).isNotNull();
        assertThat(TumourBoardPage.render(later, "<svg/>", List.of()))
                .contains("Disease-free interval", later.diseaseFreeIntervalMonths() + " months");
        assertThat(FullDetail.of(later)).contains("Disease-free interval: " + later.diseaseFreeIntervalMonths());
    }
}
