package org.ombc.cds.cards;

/** Markdown for card details. Text that came from a FHIR resource is escaped: it must never become markup. */
final class Markdown {

    private Markdown() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '|', '!', '<', '>', '&' -> out.append('\\').append(c);
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String link(String label, String url) {
        return "[" + label.replace("[", "(").replace("]", ")") + "](" + url + ")";
    }
}
