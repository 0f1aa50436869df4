package org.ombc.cds.security;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.ombc.cds.web.ErrorBody;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a request line or header it cannot parse, a header over the size limit, {@code %2f}
 * in the path, an absolute-form target it refuses) as Problem Details JSON instead of Tomcat's HTML page. Nothing
 * of the request is echoed: the detail is fixed per status.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String error = known == null
                ? "error"
                : known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        String detail =
                switch (status) {
                    case 400 ->
                        "The request could not be read: malformed request line, path (encoded '/' or '\\'), "
                                + "headers, or headers larger than the limit.";
                    case 404 -> "No such resource.";
                    case 408 -> "The request was not received in time.";
                    case 413 -> "The request is larger than the limit.";
                    case 414 -> "The request target is longer than the limit.";
                    case 431 -> "The request headers are larger than the limit.";
                    case 505 -> "HTTP version not supported.";
                    default -> known == null ? "Request failed." : known.getReasonPhrase() + ".";
                };
        try {
            byte[] body = ErrorBody.bytes(status, error, detail, Map.of());
            response.setContentType(ErrorBody.PROBLEM_JSON);
            response.setCharacterEncoding("UTF-8");
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response already taken: nothing more can be said to this client
        }
    }
}
