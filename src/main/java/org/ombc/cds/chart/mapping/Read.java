package org.ombc.cds.chart.mapping;

import java.util.List;

/**
 * What a reader made of a patient's resources: the value, and what it dropped or could not read on the way, in
 * words a clinician can act on (the data-quality card names them, clinical-rules 8).
 */
record Read<T>(T value, List<String> notes) {

    Read {
        notes = List.copyOf(notes);
    }

    static <T> Read<T> of(T value) {
        return new Read<>(value, List.of());
    }
}
