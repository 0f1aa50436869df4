package org.ombc.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.RawHttp;
import org.ombc.cds.support.SecuredServer;
import org.ombc.cds.support.SecuredServerTest;
import org.ombc.cds.web.LogSafe;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Nothing from a request forges a log line; hookInstance is a UUID. */
@SecuredServerTest
@ExtendWith(OutputCaptureExtension.class)
class LogInjectionSecurityTest {

    @LocalServerPort
    int port;

    @Test
    void logSafeEscapesLineBreaksAndControlsAndCutsAt100() {
        assertThat(LogSafe.of("a\r\nINFO forged line")).isEqualTo("a\\u000d\\u000aINFO forged line");
        assertThat(LogSafe.of("x\u2028y\u001b[31m")).doesNotContain("\u2028", "\u001b");
        assertThat(LogSafe.of("z".repeat(500)))
                .startsWith("z".repeat(100))
                .hasSizeLessThan(130)
                .contains("500 chars");
        assertThat(LogSafe.of(null)).isEqualTo("null");
    }

    @Test
    void aHookInstanceThatIsNotAUuidIs400() throws Exception {
        ObjectNode request = HookRequests.load("polymetastatic");
        request.put("hookInstance", "abc\nINFO forged");
        RawHttp.Answer answer = RawHttp.send(
                port,
                "POST",
                SecuredServer.SERVICE,
                HookRequests.text(request),
                "Authorization: " + SecuredServer.bearer(port, SecuredServer.SERVICE));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("problems").toString()).contains("hookInstance must be a UUID");
    }

    @Test
    void aNewlineInAPathOrServiceIdCannotForgeALogLine(CapturedOutput output) throws Exception {
        RawHttp.send(port, "POST", "/cds-services/x%0aFORGED-LINE-1", "{}");
        RawHttp.send(port, "POST", "/cds-services/x%0d%0aFORGED-LINE-2", "{}");
        RawHttp.send(port, "POST", "/cds-services/" + "y".repeat(300), "{}");
        assertThat(output.getAll().lines()).noneMatch(l -> l.startsWith("FORGED-LINE"));
        assertThat(output.getAll()).doesNotContain("y".repeat(101));
    }
}
