package org.ombc.cds.chart.mapping;

import org.jspecify.annotations.Nullable;
import org.ombc.cds.model.DateInterval;

/**
 * A date read from a record (clinical-rules 8).
 *
 * @param date the date; null when the record gives none, it cannot be read, or it lies in the future
 * @param note why a date the record gives was not used; null when it was used or there was none
 */
record CheckedDate(@Nullable DateInterval date, @Nullable String note) {

    static final CheckedDate NONE = new CheckedDate(null, null);
}
