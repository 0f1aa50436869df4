package org.ombc.cds.apps.smart.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.apps.smart.timeline.Timeline.LesionBar;
import org.ombc.cds.apps.smart.timeline.Timeline.Mark;
import org.ombc.cds.apps.smart.timeline.Timeline.MarkKind;
import org.ombc.cds.apps.smart.timeline.Timeline.SiteRow;
import org.ombc.cds.apps.smart.timeline.Timeline.TherapyBand;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.EstroEortcState;
import org.ombc.cds.logic.OligometastaticState;
import org.ombc.cds.logic.Thresholds;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.model.Site;
import org.ombc.cds.model.TherapyPeriod;

/**
 * Turns an assessment into the picture a tumour board reads: when the primary was found, each metastasis by site,
 * what resolved, what therapy ran when, which imaging exists, and the marks that decided the ESTRO-EORTC state
 * (Guckenberger 2020: timing against the primary, therapy at the OMD diagnosis date).
 */
public final class TimelineModel {

    private TimelineModel() {}

    public static Timeline of(Assessment assessment, LocalDate today) {
        return of(assessment, today, Map.of());
    }

    /**
     * The timeline of an assessed chart, as of {@code today}.
     *
     * @param agentNames names of therapy agents by code (the systemic-therapy ValueSet's displays)
     */
    public static Timeline of(Assessment assessment, LocalDate today, Map<String, String> agentNames) {
        OmbcRecord record = assessment.record();
        List<Mark> marks = new ArrayList<>();
        @Nullable
        DateSpan primary = record.primary() == null || record.primary().diagnosedDate() == null
                ? null
                : span(record.primary().diagnosedDate());
        if (primary != null) {
            marks.add(new Mark(MarkKind.PRIMARY_DIAGNOSIS, "Primary diagnosed", primary));
        }
        DateInterval omd =
                assessment.burden() == null ? null : assessment.burden().omd();
        if (omd != null) {
            marks.add(new Mark(MarkKind.OMD_DIAGNOSIS, "OMD diagnosis", span(omd)));
        }
        if (primary != null && timingAgainstPrimaryDecides(assessment)) {
            // De novo disease is synchronous when the OMD diagnosis falls within these months (clinical-rules 4).
            int months = Thresholds.SYNCHRONOUS_MONTHS;
            marks.add(new Mark(MarkKind.SIX_MONTHS_AFTER_PRIMARY, months + " months", primary.plusMonths(months)));
        }
        if (primary != null && assessment.metastatic()) {
            // A disease-free interval of this many months or more is favourable (clinical-rules 5).
            int months = Thresholds.LONG_DFI_MONTHS;
            marks.add(new Mark(
                    MarkKind.TWENTY_FOUR_MONTHS_AFTER_PRIMARY, months + " months", primary.plusMonths(months)));
        }
        List<SiteRow> rows = rows(record.lesions(), today);
        List<TherapyBand> therapies = record.therapies().stream()
                .filter(t -> t.start() != null)
                .sorted(Comparator.comparing(
                        (TherapyPeriod t) -> Objects.requireNonNull(t.start()).start()))
                .map(t -> new TherapyBand(
                        agentNames.getOrDefault(t.agent(), t.agent()),
                        Objects.requireNonNull(t.start()).start(),
                        t.end() == null ? today : t.end().end(),
                        t.end() == null))
                .toList();
        List<LocalDate> imaging = record.imagingDates().stream()
                .filter(Objects::nonNull)
                .map(DateInterval::start)
                .sorted()
                .distinct()
                .toList();

        LocalDate earliest = Stream.of(
                        marks.stream().map(m -> m.at().earliest()),
                        rows.stream().flatMap(r -> r.lesions().stream()).map(l -> l.onset()
                                .earliest()),
                        therapies.stream().map(TherapyBand::start),
                        imaging.stream())
                .flatMap(s -> s)
                .min(Comparator.naturalOrder())
                .orElse(today.minusYears(1));
        LocalDate latest = Stream.concat(
                        Stream.of(today),
                        Stream.concat(
                                therapies.stream().map(TherapyBand::end),
                                marks.stream().map(m -> m.at().latest())))
                .max(Comparator.naturalOrder())
                .orElse(today);
        return new Timeline(
                earliest.minusMonths(2).withDayOfMonth(1),
                latest.plusMonths(2).withDayOfMonth(1),
                today,
                stateLabel(assessment),
                rows,
                therapies,
                imaging,
                marks);
    }

    /**
     * The 6-month mark matters only for a first episode (de novo: synchronous or metachronous); repeat and induced
     * disease are classed by their history, not their timing.
     */
    static boolean timingAgainstPrimaryDecides(Assessment assessment) {
        EstroEortcState state = assessment.estroEortcState();
        if (state == null) {
            return assessment.metastatic()
                    && assessment.burden() != null
                    && !assessment.burden().polymetastaticHistory()
                    && !assessment.burden().omdHistory();
        }
        return state == EstroEortcState.SYNCHRONOUS || state.name().startsWith("METACHRONOUS");
    }

    private static List<SiteRow> rows(List<Lesion> lesions, LocalDate today) {
        Map<Site, List<LesionBar>> bySite = new LinkedHashMap<>();
        lesions.stream()
                .filter(l -> l.onset() != null)
                .sorted(Comparator.comparing(Lesion::onset))
                .forEach(l -> {
                    // The filter above keeps lesions with an onset.
                    LocalDate onset = Objects.requireNonNull(l.onset());
                    LocalDate abatement = l.abatement();
                    boolean ongoing = l.current() && abatement == null;
                    LocalDate end = abatement != null ? abatement : l.current() ? today : onset;
                    bySite.computeIfAbsent(l.site(), s -> new ArrayList<>())
                            .add(new LesionBar(span(Objects.requireNonNull(l.onsetDate())), end, ongoing, l.count()));
                });
        List<SiteRow> rows = new ArrayList<>();
        bySite.forEach((site, bars) -> rows.add(new SiteRow(site.code(), siteLabel(site), bars)));
        return rows;
    }

    /** A date of the record as the span it certainly lies in (clinical-rules 8: dates are intervals). */
    private static DateSpan span(DateInterval date) {
        return new DateSpan(date.start(), date.end());
    }

    static String siteLabel(Site site) {
        return switch (site) {
            case BONE -> "Bone";
            case LIVER -> "Liver";
            case LUNG -> "Lung";
            case BRAIN -> "Brain";
            case PLEURA -> "Pleura";
            case ADRENAL -> "Adrenal";
            case AXILLARY_LYMPH_NODE -> "Axillary node";
            case DISTANT_LYMPH_NODE -> "Distant node";
            case SKIN_SOFT_TISSUE -> "Skin / soft tissue";
            case OTHER -> "Other site";
        };
    }

    static String stateLabel(Assessment assessment) {
        if (!assessment.metastatic()) {
            return "No current distant metastasis";
        }
        OligometastaticState oligo = assessment.oligometastatic();
        if (oligo == OligometastaticState.NO) {
            return "Polymetastatic: more than " + Thresholds.OLIGO_MAX_LESIONS + " current lesions";
        }
        if (oligo == OligometastaticState.INDETERMINATE && assessment.lesionCount() != null) {
            return "Metastatic, " + assessment.lesionCount() + " lesions plus an axillary node of unknown side";
        }
        if (oligo == OligometastaticState.INDETERMINATE) {
            return "Metastatic, lesion count unknown";
        }
        EstroEortcState state = assessment.estroEortcState();
        if (state == null) {
            return "Oligometastatic; ESTRO-EORTC state undetermined (see missing data)";
        }
        String label = "Oligometastatic: " + state.label();
        return state.isInduced() ? label + " (poorest chance of cure)" : label;
    }
}
