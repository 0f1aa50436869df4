package org.ombc.cds.logic;

/**
 * Every number the rules decide by, once (clinical-rules 2-6 and 8). A threshold on dates is decided only when
 * the whole interval of each date lies on one side of it (clinical-rules 8). Text that states a threshold (rule
 * rows, facts, cards) is built from these constants, never typed again.
 */
public final class Thresholds {

    /** ESTRO-ASTRO: up to 5 lesions is oligometastatic (clinical-rules 3). */
    public static final int OLIGO_MAX_LESIONS = 5;

    /** ESTRO-EORTC: metastases within 6 months of the primary are synchronous (clinical-rules 4). */
    public static final int SYNCHRONOUS_MONTHS = 6;

    /** van Ommen-Nijhof 2020: a disease-free interval of 24 months or more is favourable (clinical-rules 5). */
    public static final int LONG_DFI_MONTHS = 24;

    /** Fan 2015 via the review: lung metastasectomy does worse with a DFI of 36 months or less (clinical-rules 6). */
    public static final int LUNG_SHORT_DFI_MONTHS = 36;

    /** ESTRO-ASTRO: staging imaging within 90 days of the OMD date, before or after (clinical-rules 6). */
    public static final int IMAGING_WINDOW_DAYS = 90;

    /** Bai 2018: RFA for a single liver lesion under 3 cm (clinical-rules 6). */
    public static final double RFA_MAX_MM = 30.0;

    /** A disease status counts for the current episode from 30 days before the OMD date onward (clinical-rules 8). */
    public static final int PROGRESSION_LOOKBACK_DAYS = 30;

    private Thresholds() {}

    /** "1-5": the lesion counts that are oligometastatic, as cards and rules write them. */
    public static String oligometastaticRange() {
        return "1-" + OLIGO_MAX_LESIONS;
    }

    /** A whole number of years as the review words it ("3 years" for {@link #LUNG_SHORT_DFI_MONTHS}). */
    public static String inYears(int months) {
        if (months % 12 != 0) {
            throw new IllegalArgumentException(months + " months is not a whole number of years");
        }
        return months / 12 + " years";
    }

    /** A size in millimetres as the review words it in centimetres ("3 cm" for {@link #RFA_MAX_MM}). */
    public static String inCentimetres(double mm) {
        double cm = mm / 10;
        return (cm == Math.rint(cm) ? String.valueOf((long) cm) : String.valueOf(cm)) + " cm";
    }
}
