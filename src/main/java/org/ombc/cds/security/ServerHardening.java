package org.ombc.cds.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.ombc.cds.web.ErrorBody;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's side of security: every error it answers itself is Problem Details JSON (its error
 * valve replaced), and so is every error dispatch ({@code /error}).
 */
@Configuration(proxyBeanMethods = false)
public class ServerHardening {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorValve() {
        return new OrderedCustomizer() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    Host host = (Host) context.getParent();
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new ProblemErrorReportValve());
                    if (host instanceof StandardHost standard) {
                        standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    }
                });
            }

            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE;
            }
        };
    }

    /** Runs after Spring Boot's own Tomcat customizer, which adds the stock error valve. */
    private interface OrderedCustomizer extends WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {}

    /** Replaces Spring Boot's error controller: whatever the Accept header, the answer is Problem Details. */
    @RestController
    static class ProblemErrorController implements ErrorController {

        @RequestMapping("${server.error.path:${error.path:/error}}")
        void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            // No error dispatch behind it: someone asked for /error itself, which is no resource of ours.
            int status = code instanceof Integer i ? i : 404;
            HttpStatus known = HttpStatus.resolve(status);
            String error = known == null
                    ? "error"
                    : known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            String detail = status == 500
                    ? "The service failed unexpectedly; the failure is logged."
                    : known == null ? "Request failed." : known.getReasonPhrase() + ".";
            ErrorBody.write(response, status, error, detail, Map.of());
        }
    }
}
