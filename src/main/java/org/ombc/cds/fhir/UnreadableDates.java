package org.ombc.cds.fhir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;

/**
 * Dates the parser could not read ("2019-13-45", "yesterday", a number): HAPI keeps their text but no value. One
 * unreadable date must not fail the hook (issue 11), nor pass unseen: the text is removed so that the element is
 * ignored as if absent, and the record and the element are named on the data-quality card.
 */
public final class UnreadableDates {

    /** Deeper than any element path of the resources we read; guards against pathological nesting. */
    private static final int MAX_DEPTH = 12;

    private UnreadableDates() {
    }

    /** Names of the elements of {@code resource} holding a date that could not be read; their text is removed. */
    static Set<String> clear(Resource resource) {
        Set<String> names = new LinkedHashSet<>();
        walk(resource, names, 0);
        return names;
    }

    private static void walk(Base element, Set<String> names, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Property property : element.children()) {
            if (!property.hasValues()) {
                continue;
            }
            for (Base value : property.getValues()) {
                if (value instanceof BaseDateTimeType date) {
                    if (date.getValue() == null && date.getValueAsString() != null) {
                        date.setValueAsString(null);
                        names.add(property.getName().replace("[x]", ""));
                    }
                } else if (value != null && !(value instanceof Resource) && !value.isPrimitive()) {
                    walk(value, names, depth + 1);
                }
            }
        }
    }

    /** Removes unreadable dates; sentences for the data-quality card, one per record concerned. */
    public static List<String> clear(List<Resource> resources) {
        List<String> problems = new ArrayList<>();
        for (Resource resource : resources) {
            Set<String> names = clear(resource);
            if (!names.isEmpty()) {
                problems.add(resource.fhirType() + " " + resource.getIdElement().getIdPart() + " has a date that "
                        + "cannot be read (" + String.join(", ", names) + "): it was ignored; correct it in the "
                        + "record.");
            }
        }
        return problems;
    }
}
