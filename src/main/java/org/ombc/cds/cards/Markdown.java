package org.ombc.cds.cards;

/**
 * Markdown for card details, shared by every card builder. Text that came from a FHIR resource is escaped: it
 * must never become markup. Link targets are percent-encoded where markdown would misread them: a DOI such as
 * {@code 10.1016/S1470-2045(19)30718-1} otherwise ends the link at its first {@code )} in many renderers.
 */
public final class Markdown {

    private Markdown() {}

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '|', '!', '<', '>', '&' ->
                    out.append('\\').append(c);
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code [label](url)} with the label's brackets neutralised and the url made safe for every renderer. */
    public static String link(String label, String url) {
        return "[" + label.replace("[", "(").replace("]", ")") + "](" + url(url) + ")";
    }

    /**
     * The url with {@code (}, {@code )}, spaces, {@code <}, {@code >} and quotes percent-encoded (RFC 3986 allows
     * the encoded form for these; the target is the same resource).
     */
    public static String url(String url) {
        StringBuilder out = new StringBuilder(url.length() + 8);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            switch (c) {
                case '(' -> out.append("%28");
                case ')' -> out.append("%29");
                case ' ' -> out.append("%20");
                case '<' -> out.append("%3C");
                case '>' -> out.append("%3E");
                case '"' -> out.append("%22");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
