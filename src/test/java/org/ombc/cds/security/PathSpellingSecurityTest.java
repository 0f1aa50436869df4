package org.ombc.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.RawHttp;
import org.ombc.cds.support.SecuredServer;
import org.ombc.cds.support.SecuredServerTest;
import org.ombc.cds.support.Vignettes;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The path-bypass attack of issue 11 against the real Tomcat: every protected endpoint, spelled every way a path
 * can be spelled, without a token, must be refused (401 naming the missing token, or 400 for a non-canonical
 * request), never answered. Raw sockets, so nothing normalises the path on the way.
 */
@SecuredServerTest
class PathSpellingSecurityTest {

    static final String SERVICE = "/cds-services/ombc-patient-view";
    static final String FEEDBACK = "/cds-services/ombc-patient-view/feedback";
    static final String ASSESSMENT = "/ombc/assessment";
    static final String FUTURE_SERVICE = "/cds-services/ombc-order-sign";

    @LocalServerPort
    int port;

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    private static final java.util.Map<String, String> BODIES = new java.util.concurrent.ConcurrentHashMap<>();

    static String body(String endpoint) {
        return BODIES.computeIfAbsent(endpoint, PathSpellingSecurityTest::makeBody);
    }

    private static String makeBody(String endpoint) {
        if (endpoint.startsWith(ASSESSMENT)) {
            return Vignettes.FHIR.encode(PatientBundle.patient("bypass-1")
                    .primary("2018-01-01")
                    .luminal("2018-01-05")
                    .imaging("2022-06-01")
                    .boneLesions(2, "2022-06-01")
                    .bundle());
        }
        if (endpoint.endsWith("/feedback")) {
            return "{\"feedback\":[{\"card\":\"00000000-0000-4000-8000-000000000000\",\"outcome\":\"overridden\","
                    + "\"overrideReason\":{\"userComment\":\"x\"},\"outcomeTimestamp\":\"2026-11-26T10:00:00Z\"}]}";
        }
        return HookRequests.text(HookRequests.load("ombc-candidate"));
    }

    /** Every spelling of {@code path} that a server might route to it. */
    static List<String> spellings(String path) {
        Set<String> out = new LinkedHashSet<>();
        String[] segments = path.substring(1).split("/");
        for (int i = 0; i < segments.length; i++) {
            for (String param : List.of(";x", ";", ";jsessionid=1", ";x=1;y=2", ";/..")) {
                out.add(replaceSegment(segments, i, segments[i] + param));
            }
            out.add(replaceSegment(segments, i, ";x" + segments[i]));
            String seg = segments[i];
            out.add(replaceSegment(segments, i, hex(seg.charAt(0), true) + seg.substring(1)));
            out.add(replaceSegment(segments, i, hex(seg.charAt(0), false) + seg.substring(1)));
            out.add(replaceSegment(
                    segments, i, seg.substring(0, seg.length() - 1) + hex(seg.charAt(seg.length() - 1), true)));
            out.add(replaceSegment(segments, i, encodeAll(seg)));
            out.add(replaceSegment(segments, i, "%25" + Integer.toHexString(seg.charAt(0)) + seg.substring(1)));
            if (seg.contains("-")) {
                out.add(replaceSegment(segments, i, seg.replace("-", "%2D")));
                out.add(replaceSegment(segments, i, seg.replace("-", "%2d")));
            }
            out.add(replaceSegment(segments, i, seg.toUpperCase(Locale.ROOT)));
            out.add(replaceSegment(segments, i, Character.toUpperCase(seg.charAt(0)) + seg.substring(1)));
            out.add(replaceSegment(segments, i, seg + "%00"));
            out.add(replaceSegment(segments, i, seg + "%20"));
            out.add(replaceSegment(segments, i, seg + "."));
            out.add(insertBefore(segments, i, "."));
            out.add(insertBefore(segments, i, "%2e"));
            out.add(insertBefore(segments, i, "x/.."));
            out.add(insertBefore(segments, i, "x/%2e%2e"));
            out.add(insertBefore(segments, i, "x/%2E%2E"));
            out.add(insertBefore(segments, i, "x/..;"));
            out.add(insertBefore(segments, i, "x/.%2e"));
            out.add(insertBefore(segments, i, ""));
            out.add(insertBefore(segments, i, "%2f"));
        }
        for (int i = 1; i < segments.length; i++) {
            out.add(join(segments, i, "%2f"));
            out.add(join(segments, i, "%2F"));
            out.add(join(segments, i, "%5c"));
            out.add(join(segments, i, "\\"));
            out.add(join(segments, i, "%c0%af"));
            out.add(join(segments, i, "%252f"));
        }
        out.add(path.toUpperCase(Locale.ROOT));
        out.add(path + "/");
        out.add(path + "//");
        out.add(path + "/.");
        out.add(path + "?x=1");
        out.add(path + "#x");
        out.add("/" + path);
        out.add("/." + path);
        out.add("/%2e" + path);
        out.add("%2f" + path.substring(1));
        out.add("\\" + path.substring(1));
        out.add(encodeAll(path));
        return new ArrayList<>(out);
    }

    static Stream<Arguments> protectedSpellings() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : List.of(SERVICE, FEEDBACK, ASSESSMENT, FUTURE_SERVICE)) {
            for (String spelling : spellings(endpoint)) {
                cases.add(Arguments.of(Named.of("POST " + spelling, spelling), endpoint));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedSpellings")
    void everySpellingOfAProtectedEndpointIsRefusedWithoutAToken(String spelling, String endpoint) throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "POST", spelling, body(endpoint));
        assertThat(answer.status())
                .as("%s answered %s", spelling, answer.body())
                .isIn(400, 401);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("error").asText()).isIn("unauthorized", "request-rejected", "bad-request");
    }

    static Stream<Arguments> absoluteFormSpellings() {
        return spellings(SERVICE).stream()
                .filter(s -> s.startsWith("/"))
                .map(s -> Arguments.of(Named.of("POST http://localhost:{port}" + s, s), SERVICE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absoluteFormSpellings")
    void absoluteFormTargetsAreRefusedToo(String spelling, String endpoint) throws Exception {
        String target = "http://localhost:" + port + spelling;
        RawHttp.Answer answer = RawHttp.send(port, "POST", target, body(endpoint));
        assertThat(answer.status()).as("%s answered %s", target, answer.body()).isIn(400, 401);
        assertThat(answer.json().path("error").asText()).isIn("unauthorized", "request-rejected", "bad-request");
    }

    @Test
    void otherMethodsAndMethodSpellingsOnAProtectedRouteAreRefused() throws Exception {
        for (String method : List.of("PUT", "PATCH", "DELETE", "GET", "post", "Post", "FOO")) {
            for (String endpoint : List.of(SERVICE, FEEDBACK, ASSESSMENT)) {
                String body = method.equalsIgnoreCase("GET") ? null : body(endpoint);
                long started = System.nanoTime();
                RawHttp.Answer answer = RawHttp.send(port, method, endpoint, body);
                assertThat(System.nanoTime() - started)
                        .as("%s %s answered in time", method, endpoint)
                        .isLessThan(2_000_000_000L);
                assertThat(answer.status())
                        .as("%s %s: %s", method, endpoint, answer.body())
                        .isIn(400, 401, 405);
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void theCanonicalSpellingWithAValidTokenIsAnswered() throws Exception {
        RawHttp.Answer answer = RawHttp.send(
                port, "POST", SERVICE, body(SERVICE), "Authorization: " + SecuredServer.bearer(port, SERVICE));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("cards").isArray()).isTrue();
        RawHttp.Answer assessment = RawHttp.send(
                port, "POST", ASSESSMENT, body(ASSESSMENT), "Authorization: " + SecuredServer.bearer(port, ASSESSMENT));
        assertThat(assessment.status()).as(assessment.body()).isEqualTo(200);
    }

    @Test
    void aTokenForTheCanonicalPathDoesNotOpenAnotherSpelling() throws Exception {
        String spelling = "/CDS-SERVICES/ombc-patient-view";
        RawHttp.Answer answer = RawHttp.send(
                port, "POST", spelling, body(SERVICE), "Authorization: " + SecuredServer.bearer(port, SERVICE));
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.json().path("check").asText()).isEqualTo("wrong-audience");
    }

    @Test
    void discoveryHealthAndPreflightStayOpen() throws Exception {
        assertThat(RawHttp.send(port, "GET", "/cds-services", null).status()).isEqualTo(200);
        assertThat(RawHttp.send(managementPort, "GET", "/actuator/health", null).status())
                .isEqualTo(200);
        RawHttp.Answer preflight = RawHttp.send(
                port,
                "OPTIONS",
                SERVICE,
                null,
                "Origin: https://sandbox.cds-hooks.org",
                "Access-Control-Request-Method: POST",
                "Access-Control-Request-Headers: authorization,content-type");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://sandbox.cds-hooks.org");
    }

    private static String hex(char c, boolean upper) {
        String h = String.format("%%%02x", (int) c);
        return upper ? h.toUpperCase(Locale.ROOT) : h;
    }

    private static String encodeAll(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c == '/' ? "/" : hex(c, true));
        }
        return b.toString();
    }

    private static String replaceSegment(String[] segments, int i, String replacement) {
        String[] copy = segments.clone();
        copy[i] = replacement;
        return "/" + String.join("/", copy);
    }

    private static String insertBefore(String[] segments, int i, String inserted) {
        List<String> copy = new ArrayList<>(List.of(segments));
        copy.add(i, inserted);
        return "/" + String.join("/", copy);
    }

    /** The path with the separator before segment {@code i} replaced. */
    private static String join(String[] segments, int i, String separator) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < segments.length; k++) {
            b.append(k == 0 ? "/" : k == i ? separator : "/").append(segments[k]);
        }
        return b.toString();
    }
}
