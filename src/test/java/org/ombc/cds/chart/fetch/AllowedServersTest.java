package org.ombc.cds.chart.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedServersTest {

    @Test
    void hostsAreComparedParsedNotAsStringPrefixes() {
        AllowedServers allowed = new AllowedServers(List.of("http://127.0.0.1"));
        assertThat(allowed.allows("http://127.0.0.1:8080/fhir")).isTrue();
        assertThat(allowed.allows("http://127.0.0.10/fhir")).isFalse();
        assertThat(allowed.allows("http://127.0.0.1.evil.example/fhir")).isFalse();
        assertThat(allowed.allows("http://user@127.0.0.1/fhir")).isFalse();
        assertThat(allowed.allows("https://127.0.0.1/fhir"))
                .as("scheme matters")
                .isFalse();
    }

    @Test
    void portAndPathPrefixAreHonouredWhenTheEntryNamesThem() {
        AllowedServers allowed = new AllowedServers(List.of("https://ehr.example.org:8443/fhir/"));
        assertThat(allowed.allows("https://EHR.example.org:8443/fhir/Patient/1"))
                .isTrue();
        assertThat(allowed.allows("https://ehr.example.org:8443/fhir")).isTrue();
        assertThat(allowed.allows("https://ehr.example.org/fhir/Patient/1")).isFalse();
        assertThat(allowed.allows("https://ehr.example.org:8443/fhirx/Patient/1"))
                .isFalse();
        assertThat(allowed.allows("https://ehr.example.org:8443/fhir/../admin")).isFalse();
        assertThat(new AllowedServers(List.of("https://ehr.example.org:443")).allows("https://ehr.example.org/fhir"))
                .as("default port")
                .isTrue();
    }

    /** Issue #27: an encoded ';' (a path parameter once decoded) passed the prefix check and was requested as is. */
    @Test
    void anEncodedSemicolonOrOtherEncodedDelimiterInThePathIsRefused() {
        AllowedServers allowed = new AllowedServers(List.of("http://ehr.example.org/fhir"));
        assertThat(allowed.allows("http://ehr.example.org/fhir/..%3b/admin")).isFalse();
        assertThat(allowed.allows("http://ehr.example.org/fhir/..%3B/admin")).isFalse();
        assertThat(allowed.allows("http://ehr.example.org/fhir/x%3bjsessionid=1"))
                .isFalse();
        assertThat(allowed.allows("http://ehr.example.org/fhir/%3f/admin")).isFalse();
        assertThat(allowed.allows("http://ehr.example.org/fhir/%23/admin")).isFalse();
        assertThat(allowed.allows("http://ehr.example.org/fhir/Patient/p%2D1"))
                .as("an encoded id character is fine")
                .isTrue();
    }

    @Test
    void anEmptyListAllowsNothing() {
        AllowedServers none = new AllowedServers(List.of());
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.allows("http://localhost/fhir")).isFalse();
        assertThat(none.allows("not a url")).isFalse();
    }
}
