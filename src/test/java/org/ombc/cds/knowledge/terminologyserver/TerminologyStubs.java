package org.ombc.cds.knowledge.terminologyserver;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.ombc.cds.support.FhirServerStub;

/** WireMock answers of a FHIR terminology server: {@code $subsumes} and {@code $validate-code} as Parameters. */
final class TerminologyStubs {

    private TerminologyStubs() {}

    /** Nothing is subsumed and no code is in any ValueSet, unless a test says otherwise. */
    static void answerNoByDefault(WireMockServer server) {
        server.stubFor(
                get(urlPathEqualTo("/fhir/CodeSystem/$subsumes")).atPriority(10).willReturn(outcome("not-subsumed")));
        server.stubFor(get(urlPathEqualTo("/fhir/ValueSet/$validate-code"))
                .atPriority(10)
                .willReturn(result(false)));
    }

    /** {@code root} subsumes {@code code}: the code is in the root's family. */
    static MappingBuilder subsumes(String root, String code) {
        return get(urlPathEqualTo("/fhir/CodeSystem/$subsumes"))
                .atPriority(1)
                .withQueryParam("system", equalTo("http://snomed.info/sct"))
                .withQueryParam("codeA", equalTo(root))
                .withQueryParam("codeB", equalTo(code))
                .willReturn(outcome("subsumes"));
    }

    static ResponseDefinitionBuilder outcome(String outcome) {
        return FhirServerStub.fhir("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"outcome\","
                + "\"valueCode\":\"" + outcome + "\"}]}");
    }

    static ResponseDefinitionBuilder result(boolean member) {
        return FhirServerStub.fhir("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"result\","
                + "\"valueBoolean\":" + member + "}]}");
    }
}
