package org.ombc.cds.apps.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.web.ApiProblem;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What the card viewer reads: the demo patients, and the prefetch an EHR would send for one of them. */
@RestController
@Profile("sandbox")
public class SandboxController {

    private final SandboxStore store;
    private final FhirJson fhir;
    private final ObjectMapper json;

    public SandboxController(SandboxStore store, FhirJson fhir, ObjectMapper json) {
        this.store = store;
        this.fhir = fhir;
        this.json = json;
    }

    @GetMapping(path = "/sandbox/patients", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<SandboxStore.Listing> patients() {
        return store.listings();
    }

    @GetMapping(path = "/sandbox/patients/{id}/prefetch", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode prefetch(@PathVariable String id) throws Exception {
        Map<String, org.hl7.fhir.r4.model.Resource> prefetch = store.prefetch(id);
        if (!prefetch.containsKey("patient")) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "unknown-patient", "No sandbox patient with that id.");
        }
        ObjectNode node = json.createObjectNode();
        for (var entry : prefetch.entrySet()) {
            node.set(entry.getKey(), json.readTree(fhir.encode(entry.getValue())));
        }
        return node;
    }
}
