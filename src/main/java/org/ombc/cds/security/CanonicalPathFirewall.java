package org.ombc.cds.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * {@link StrictHttpFirewall} (no {@code ;}, no encoded {@code /}, {@code .}, {@code %} or {@code \}, no {@code //},
 * {@code ./}, {@code ..}, only standard methods), plus what a canonical path never holds, so that no second
 * spelling of a route exists at all: a percent-encoded unreserved character ({@code %63} for {@code c}; RFC 3986
 * section 6.2.2.2 says to decode those), an encoded space or control character, and a segment ending in
 * {@code .} (an alias of the segment without it on some systems).
 */
final class CanonicalPathFirewall implements HttpFirewall {

    private final StrictHttpFirewall strict = new StrictHttpFirewall();

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) throws RequestRejectedException {
        FirewalledRequest checked = strict.getFirewalledRequest(request);
        String uri = request.getRequestURI();
        if (uri != null && !isCanonical(uri)) {
            throw new RequestRejectedException("The request path is not in canonical form.");
        }
        return checked;
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    static boolean isCanonical(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (i + 2 >= path.length()) {
                    return false;
                }
                int decoded;
                try {
                    decoded = Integer.parseInt(path.substring(i + 1, i + 3), 16);
                } catch (NumberFormatException e) {
                    return false;
                }
                if (decoded <= 0x20 || decoded == 0x7f || isUnreserved((char) decoded)) {
                    return false;
                }
            }
            if (c == '.' && (i + 1 == path.length() || path.charAt(i + 1) == '/')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
