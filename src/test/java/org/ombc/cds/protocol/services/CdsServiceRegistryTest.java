package org.ombc.cds.protocol.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ombc.cds.protocol.json.CdsHooksModel;
import org.ombc.cds.web.ApiProblem;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.http.HttpStatus;

/** The registry of CDS services: discovery order, lookup by id, and the errors a client or a wiring mistake sees. */
class CdsServiceRegistryTest {

    private record Stub(String id, String hook) implements CdsService {
        @Override
        public CdsHooksModel.Service definition() {
            return new CdsHooksModel.Service(hook, id, id, id, null, null, null);
        }

        @Override
        public HookOutcome evaluate(HookRequest request) {
            throw new UnsupportedOperationException("not called here");
        }
    }

    @Test
    void theHookServicesAreOrderedPatientViewFirstWhateverOrderSpringFindsThemIn() {
        // Spring sorts a List<CdsService> injection point by @Order: these are the classes it sorts.
        List<Class<?>> found = new ArrayList<>(List.of(OrderSignService.class, PatientViewService.class));
        found.sort(AnnotationAwareOrderComparator.INSTANCE);
        assertThat(found).containsExactly(PatientViewService.class, OrderSignService.class);
    }

    @Test
    void discoveryListsTheServicesInTheOrderGivenAndLookupIsById() {
        CdsServiceRegistry registry =
                new CdsServiceRegistry(List.of(new Stub("a", "patient-view"), new Stub("b", "order-sign")));
        assertThat(registry.discovery().services())
                .extracting(CdsHooksModel.Service::id)
                .containsExactly("a", "b");
        assertThat(registry.require("b").hook()).isEqualTo("order-sign");
    }

    @Test
    void anUnknownIdIsA404ThatDoesNotEchoOddCharacters() {
        CdsServiceRegistry registry = new CdsServiceRegistry(List.of(new Stub("a", "patient-view")));
        assertThatThrownBy(() -> registry.require("x<script>")).isInstanceOfSatisfying(ApiProblem.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(e.error()).isEqualTo("unknown-service");
            assertThat(e.getMessage()).contains("'x?script?'").doesNotContain("<");
        });
    }

    @Test
    void twoServicesWithOneIdAreAWiringMistakeFoundAtStart() {
        assertThatThrownBy(() ->
                        new CdsServiceRegistry(List.of(new Stub("a", "patient-view"), new Stub("a", "order-sign"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a");
    }
}
