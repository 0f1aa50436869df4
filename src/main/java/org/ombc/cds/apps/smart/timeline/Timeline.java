package org.ombc.cds.apps.smart.timeline;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the tumour-board view draws: the patient's disease history on one time axis. Built from the same
 * assessment as the card ({@link TimelineModel}), drawn by {@link TimelineSvg}.
 *
 * @param from        left end of the axis
 * @param to          right end of the axis (today, or later when a planned therapy end lies ahead)
 * @param today       the day the view was drawn; ongoing lesions and therapies reach it
 * @param stateLabel  the ESTRO-EORTC state in words, or why it is undetermined
 * @param rows        one row per metastatic site, in the order the sites first appeared
 * @param therapies   periods of systemic therapy, drawn as bands across the plot
 * @param imaging     dates of staging imaging, drawn as ticks
 * @param marks       dated lines: primary diagnosis, OMD diagnosis, and the 6- and 24-month marks where they decide
 *                    something for this patient
 */
public record Timeline(
        LocalDate from,
        LocalDate to,
        LocalDate today,
        String stateLabel,
        List<SiteRow> rows,
        List<TherapyBand> therapies,
        List<LocalDate> imaging,
        List<Mark> marks) {

    public Timeline {
        rows = List.copyOf(rows);
        therapies = List.copyOf(therapies);
        imaging = List.copyOf(imaging);
        marks = List.copyOf(marks);
    }

    /** One metastatic site and its lesions. */
    public record SiteRow(String site, String label, List<LesionBar> lesions) {
        public SiteRow {
            lesions = List.copyOf(lesions);
        }
    }

    /**
     * One metastasis Condition: from its onset (a range when the record's date is partial) to its abatement, or
     * to today while it is current ({@code ongoing}). {@code count} is the lesions it stands for, null when unknown.
     */
    public record LesionBar(
            DateSpan onset,
            LocalDate end,
            boolean ongoing,
            @Nullable Integer count) {}

    /** A period of systemic therapy; {@code ongoing} when the record gives no end. */
    public record TherapyBand(String agent, LocalDate start, LocalDate end, boolean ongoing) {}

    /** What a vertical mark stands for. */
    public enum MarkKind {
        PRIMARY_DIAGNOSIS("primary"),
        OMD_DIAGNOSIS("omd"),
        SIX_MONTHS_AFTER_PRIMARY("6-months"),
        TWENTY_FOUR_MONTHS_AFTER_PRIMARY("24-months");

        private final String code;

        MarkKind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A dated line with its label; a range when the date is uncertain. */
    public record Mark(MarkKind kind, String label, DateSpan at) {}
}
