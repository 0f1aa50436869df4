package org.ombc.cds.cdshooks;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON body of every error answer: {@code {"error": "<class>", "detail": "<what is wrong>", ...}}. */
public final class ErrorBody {

    private ErrorBody() {
    }

    public static Map<String, Object> of(String error, String detail) {
        return of(error, detail, Map.of());
    }

    public static Map<String, Object> of(String error, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail);
        body.putAll(extra);
        return body;
    }
}
