package org.ombc.cds.apps.smart.timeline;

import static org.ombc.cds.apps.smart.timeline.SvgText.describe;
import static org.ombc.cds.apps.smart.timeline.SvgText.escape;

import java.time.LocalDate;
import org.ombc.cds.apps.smart.timeline.Timeline.LesionBar;
import org.ombc.cds.apps.smart.timeline.Timeline.Mark;
import org.ombc.cds.apps.smart.timeline.Timeline.MarkKind;
import org.ombc.cds.apps.smart.timeline.Timeline.SiteRow;
import org.ombc.cds.apps.smart.timeline.Timeline.TherapyBand;

/**
 * Draws a {@link Timeline} as SVG, 1,000 px wide, so it reads on a screen and prints on one A4 page. Every element
 * carries a class and data attributes naming what it stands for (a site, a therapy, a mark), so tests and
 * assistive tools can read the picture; every text is escaped ({@link SvgText}). Dates are placed by
 * {@link TimelineAxis}.
 */
public final class TimelineSvg {

    private static final int WIDTH = TimelineAxis.WIDTH;
    private static final int TOP = 56;
    private static final int ROW = 34;

    private TimelineSvg() {}

    public static String render(Timeline t) {
        int rowCount = 3 + t.rows().size();
        int height = TOP + rowCount * ROW + 40;
        TimelineAxis x = new TimelineAxis(t.from(), t.to());
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ombc-timeline\" role=\"img\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.append("<title>Disease timeline: ").append(escape(t.stateLabel())).append("</title>");
        svg.append("<text class=\"state\" x=\"0\" y=\"16\" font-size=\"15\" font-weight=\"bold\">")
                .append(escape(t.stateLabel()))
                .append("</text>");
        x.draw(svg, t.today(), TOP, height);

        int y = TOP;
        label(svg, "Breast primary", y);
        for (Mark mark : t.marks()) {
            if (mark.kind() == MarkKind.PRIMARY_DIAGNOSIS) {
                span(svg, "primary", mark.at(), x, y, "#7b3294");
            }
        }
        y += ROW;
        label(svg, "Systemic therapy", y);
        for (TherapyBand band : t.therapies()) {
            int x1 = x.at(band.start());
            int x2 = Math.max(x1 + 2, x.at(band.end()));
            svg.append("<g class=\"therapy-band\" data-agent=\"")
                    .append(escape(band.agent()))
                    .append("\" data-ongoing=\"")
                    .append(band.ongoing())
                    .append("\">")
                    .append("<rect x=\"")
                    .append(x1)
                    .append("\" y=\"")
                    .append(TOP + ROW - 10)
                    .append("\" width=\"")
                    .append(x2 - x1)
                    .append("\" height=\"")
                    .append(rowCount * ROW - ROW + 4)
                    .append("\" fill=\"#4575b4\" fill-opacity=\"0.08\"/>")
                    .append("<rect x=\"")
                    .append(x1)
                    .append("\" y=\"")
                    .append(y - 8)
                    .append("\" width=\"")
                    .append(x2 - x1)
                    .append("\" height=\"16\" fill=\"#4575b4\" fill-opacity=\"0.55\"/>")
                    .append("<text x=\"")
                    .append(x1 + 3)
                    .append("\" y=\"")
                    .append(y + 4)
                    .append("\" fill=\"#fff\" font-size=\"10\">")
                    .append(escape(band.agent()))
                    .append(band.ongoing() ? " (ongoing)" : "")
                    .append("</text></g>");
        }
        y += ROW;
        label(svg, "Imaging", y);
        for (LocalDate scan : t.imaging()) {
            int xi = x.at(scan);
            svg.append("<line class=\"imaging-tick\" data-date=\"")
                    .append(scan)
                    .append("\" x1=\"")
                    .append(xi)
                    .append("\" x2=\"")
                    .append(xi)
                    .append("\" y1=\"")
                    .append(y - 9)
                    .append("\" y2=\"")
                    .append(y + 9)
                    .append("\" stroke=\"#333\" stroke-width=\"2\"/>");
        }
        for (SiteRow row : t.rows()) {
            y += ROW;
            svg.append("<g class=\"site-row\" data-site=\"")
                    .append(escape(row.site()))
                    .append("\">");
            label(svg, row.label(), y);
            for (LesionBar bar : row.lesions()) {
                lesion(svg, bar, x, y);
            }
            svg.append("</g>");
        }
        for (Mark mark : t.marks()) {
            if (mark.kind() != MarkKind.PRIMARY_DIAGNOSIS) {
                markLine(svg, mark, x, height);
            }
        }
        return svg.append("</svg>").toString();
    }

    private static void label(StringBuilder svg, String text, int y) {
        svg.append("<text class=\"row-label\" x=\"0\" y=\"")
                .append(y + 4)
                .append("\">")
                .append(escape(text))
                .append("</text>");
    }

    /** A dated point, drawn as a range (hatched) when the record gave only a year, month or age. */
    private static void span(StringBuilder svg, String kind, DateSpan at, TimelineAxis x, int y, String colour) {
        int x1 = x.at(at.earliest());
        int x2 = x.at(at.latest());
        svg.append("<g class=\"date-point\" data-kind=\"")
                .append(kind)
                .append("\" data-uncertain=\"")
                .append(at.isUncertain())
                .append("\">");
        if (at.isUncertain()) {
            svg.append("<rect class=\"uncertain-range\" x=\"")
                    .append(x1)
                    .append("\" y=\"")
                    .append(y - 7)
                    .append("\" width=\"")
                    .append(Math.max(2, x2 - x1))
                    .append("\" height=\"14\" fill=\"")
                    .append(colour)
                    .append("\" fill-opacity=\"0.25\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-dasharray=\"3 2\"/>");
        }
        svg.append("<circle cx=\"")
                .append((x1 + x2) / 2)
                .append("\" cy=\"")
                .append(y)
                .append("\" r=\"6\" fill=\"")
                .append(colour)
                .append("\"/><text x=\"")
                .append(x2 + 9)
                .append("\" y=\"")
                .append(y + 4)
                .append("\">")
                .append(escape(describe(at)))
                .append("</text></g>");
    }

    private static void lesion(StringBuilder svg, LesionBar bar, TimelineAxis x, int y) {
        int start = x.at(bar.onset().earliest());
        int certain = x.at(bar.onset().latest());
        int end = Math.max(certain + 3, x.at(bar.end()));
        String colour = bar.ongoing() ? "#d7301f" : "#969696";
        svg.append("<g class=\"lesion\" data-ongoing=\"")
                .append(bar.ongoing())
                .append("\" data-onset=\"")
                .append(escape(describe(bar.onset())))
                .append("\" data-uncertain=\"")
                .append(bar.onset().isUncertain())
                .append("\">");
        if (bar.onset().isUncertain()) {
            svg.append("<rect class=\"uncertain-range\" x=\"")
                    .append(start)
                    .append("\" y=\"")
                    .append(y - 6)
                    .append("\" width=\"")
                    .append(Math.max(2, certain - start))
                    .append("\" height=\"12\" fill=\"")
                    .append(colour)
                    .append("\" fill-opacity=\"0.3\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-dasharray=\"3 2\"/>");
        }
        svg.append("<rect x=\"")
                .append(certain)
                .append("\" y=\"")
                .append(y - 6)
                .append("\" width=\"")
                .append(end - certain)
                .append("\" height=\"12\" rx=\"3\" fill=\"")
                .append(colour)
                .append("\"/>");
        if (bar.count() != null && bar.count() > 1) {
            svg.append("<text x=\"")
                    .append(certain + 3)
                    .append("\" y=\"")
                    .append(y + 4)
                    .append("\" fill=\"#fff\" font-size=\"10\">")
                    .append(bar.count())
                    .append(" lesions</text>");
        }
        svg.append("</g>");
    }

    private static void markLine(StringBuilder svg, Mark mark, TimelineAxis x, int height) {
        int x1 = x.at(mark.at().earliest());
        int x2 = x.at(mark.at().latest());
        boolean omd = mark.kind() == MarkKind.OMD_DIAGNOSIS;
        String colour = omd ? "#d7301f" : "#1a9850";
        svg.append("<g class=\"mark\" data-mark=\"")
                .append(mark.kind().code())
                .append("\" data-uncertain=\"")
                .append(mark.at().isUncertain())
                .append("\">");
        if (mark.at().isUncertain()) {
            svg.append("<rect x=\"")
                    .append(x1)
                    .append("\" y=\"")
                    .append(TOP - 20)
                    .append("\" width=\"")
                    .append(Math.max(2, x2 - x1))
                    .append("\" height=\"")
                    .append(height - TOP - 10)
                    .append("\" fill=\"")
                    .append(colour)
                    .append("\" fill-opacity=\"0.12\"/>");
        }
        int xm = (x1 + x2) / 2;
        svg.append("<line x1=\"")
                .append(xm)
                .append("\" x2=\"")
                .append(xm)
                .append("\" y1=\"")
                .append(TOP - 20)
                .append("\" y2=\"")
                .append(height - 30)
                .append("\" stroke=\"")
                .append(colour)
                .append(omd ? "\" stroke-width=\"2\"/>" : "\" stroke-dasharray=\"6 4\"/>")
                .append("<text x=\"")
                .append(xm + 3)
                .append("\" y=\"")
                .append(height - 18)
                .append("\" fill=\"")
                .append(colour)
                .append("\">")
                .append(escape(mark.label()))
                .append("</text></g>");
    }
}
