package org.ombc.cds.apps.smart.timeline;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Words as the timeline writes them into SVG: every text escaped, because names and labels come from the chart;
 * and a date no more precise than the record gave it.
 */
final class SvgText {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private SvgText() {}

    /** The day when it is known; else the months it may fall in ("Jan 2019 - Dec 2019"). */
    static String describe(DateSpan span) {
        if (!span.isUncertain()) {
            return span.earliest().toString();
        }
        return MONTH.format(span.earliest()) + " - " + MONTH.format(span.latest());
    }

    /** Text safe in an SVG element or attribute; control characters become spaces. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }
}
