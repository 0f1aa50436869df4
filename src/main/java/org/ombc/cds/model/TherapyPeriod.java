package org.ombc.cds.model;

import java.time.LocalDate;

/**
 * A period of systemic anticancer therapy; {@code end} null means ongoing. {@code start} null means the record
 * gave no start, and the period is not used to cover any date.
 */
public record TherapyPeriod(String agent, LocalDate start, LocalDate end) {

    public boolean covers(LocalDate date) {
        return date != null && start != null && !date.isBefore(start) && (end == null || !date.isAfter(end));
    }
}
