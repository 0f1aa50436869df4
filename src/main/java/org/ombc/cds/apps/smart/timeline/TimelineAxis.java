package org.ombc.cds.apps.smart.timeline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The time axis of a drawn {@link Timeline}: days to pixels across the plot, and the year lines and today line that
 * let a reader place every drawn date without a ruler.
 */
record TimelineAxis(LocalDate from, LocalDate to) {

    static final int WIDTH = 1000;
    private static final int LABEL_WIDTH = 150;
    private static final int PLOT_LEFT = LABEL_WIDTH + 10;
    private static final int PLOT_RIGHT = WIDTH - 20;

    /** The x of {@code date}, clamped to the plot. */
    int at(LocalDate date) {
        long days = Math.max(1, ChronoUnit.DAYS.between(from, to));
        long offset = Math.min(days, Math.max(0, ChronoUnit.DAYS.between(from, date)));
        return (int) (PLOT_LEFT + offset * (PLOT_RIGHT - PLOT_LEFT) / days);
    }

    /** A line and label each 1 January, and a dotted line at {@code today}, from above {@code top} to the foot. */
    void draw(StringBuilder svg, LocalDate today, int top, int height) {
        svg.append("<g class=\"axis\">");
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            LocalDate jan = LocalDate.of(year, 1, 1);
            if (jan.isBefore(from) || jan.isAfter(to)) {
                continue;
            }
            int xi = at(jan);
            svg.append("<line x1=\"")
                    .append(xi)
                    .append("\" x2=\"")
                    .append(xi)
                    .append("\" y1=\"")
                    .append(top - 22)
                    .append("\" y2=\"")
                    .append(height - 30)
                    .append("\" stroke=\"#ddd\"/>")
                    .append(
                            xi > PLOT_RIGHT - 30
                                    ? ""
                                    : "<text x=\"" + (xi + 2) + "\" y=\"" + (top - 24) + "\" fill=\"#555\">" + year
                                            + "</text>");
        }
        int now = at(today);
        svg.append("<line class=\"today\" x1=\"")
                .append(now)
                .append("\" x2=\"")
                .append(now)
                .append("\" y1=\"")
                .append(top - 20)
                .append("\" y2=\"")
                .append(height - 30)
                .append("\" stroke=\"#000\" stroke-dasharray=\"1 3\"/><text x=\"")
                .append(now - 14)
                .append("\" y=\"")
                .append(height - 16)
                .append("\" fill=\"#555\">today</text></g>");
    }
}
