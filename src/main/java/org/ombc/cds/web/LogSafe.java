package org.ombc.cds.web;

import org.jspecify.annotations.Nullable;

/**
 * Makes a value that came from a request safe for one log line: control characters (CR, LF, tab, ESC, ...) and
 * other invisible or line-breaking characters (U+2028, U+2029, bidi controls) are shown as {@code \\uXXXX}, so no
 * value can end a line and forge the next one, and the value is cut at {@value #MAX} characters. Used at every log
 * call that prints a request-derived value.
 */
public final class LogSafe {

    public static final int MAX = 100;

    private LogSafe() {}

    public static String of(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        String s = String.valueOf(value);
        boolean cut = s.length() > MAX;
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX) + 16);
        for (int i = 0; i < s.length() && i < MAX; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)
                    || c == '\u2028'
                    || c == '\u2029'
                    || c == '\u0085'
                    || Character.getType(c) == Character.FORMAT
                    || c == '\\') {
                out.append(c == '\\' ? "\\\\" : String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (cut) {
            out.append("...(").append(s.length()).append(" chars)");
        }
        return out.toString();
    }

    /**
     * A copy of {@code e} for logging with its stack trace: the same frames and cause chain, each message passed
     * through {@link #of(Object)} (an exception message may quote the request, e.g. a JSON parser's).
     */
    public static Throwable throwable(Throwable e) {
        return copy(e, 0);
    }

    private static Throwable copy(Throwable e, int depth) {
        @Nullable
        Throwable cause =
                e.getCause() == null || e.getCause() == e || depth > 10 ? null : copy(e.getCause(), depth + 1);
        Throwable safe = new SanitisedException(e.getClass().getName() + ": " + of(e.getMessage()), cause);
        safe.setStackTrace(e.getStackTrace());
        return safe;
    }

    /** Stands in for a logged exception; its message names the original class. */
    private static final class SanitisedException extends Exception {
        private static final long serialVersionUID = 1L;

        SanitisedException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }

        // The message already starts with the original class's name; Throwable's toString would put this
        // stand-in's name before it.
        @SuppressWarnings("OverrideThrowableToString")
        @Override
        public String toString() {
            return String.valueOf(getMessage());
        }
    }
}
