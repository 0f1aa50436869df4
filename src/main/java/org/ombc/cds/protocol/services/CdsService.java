package org.ombc.cds.protocol.services;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.ombc.cds.protocol.json.CdsHooksModel;
import org.ombc.cds.web.ApiProblem;

/**
 * One CDS service of the discovery document: its definition, the checks of its hook's own context fields, and the
 * evaluation of a call. Each is a Spring bean, placed in discovery by its {@code @Order}
 * ({@link CdsServiceRegistry}); the controller, the audit and feedback treat every service alike.
 */
public interface CdsService {

    /** The discovery entry; its {@code id} is the service's path segment and its {@code hook} the hook it answers. */
    CdsHooksModel.Service definition();

    /**
     * Problems with context fields particular to this hook, named by the endpoint's one request check beside the
     * common ones ({@code patientId}, {@code userId}, prefetch, fhirServer). Each problem names the field; none is fixed silently.
     */
    default List<String> contextProblems(JsonNode context) {
        return List.of();
    }

    /**
     * Answers a call that passed the request check; bad content it only finds while reading is an
     * {@link ApiProblem} (400).
     */
    HookOutcome evaluate(HookRequest request);

    default String id() {
        return definition().id();
    }

    default String hook() {
        return definition().hook();
    }
}
