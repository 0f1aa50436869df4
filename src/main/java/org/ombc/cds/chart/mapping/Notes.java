package org.ombc.cds.chart.mapping;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.model.DateInterval;

/**
 * The notes of one reading, in the order they arise: the data-quality card lists them in that order, so a reader
 * collects them here while it works and returns them with its value.
 */
final class Notes {

    private final List<String> notes = new ArrayList<>();

    void add(String note) {
        notes.add(note);
    }

    <T> T take(Read<T> read) {
        notes.addAll(read.notes());
        return read.value();
    }

    @Nullable
    DateInterval take(CheckedDate checked) {
        String note = checked.note();
        if (note != null) {
            notes.add(note);
        }
        return checked.date();
    }

    <T> Read<T> with(T value) {
        return new Read<>(value, notes);
    }

    List<String> list() {
        return List.copyOf(notes);
    }
}
