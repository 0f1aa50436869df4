package org.ombc.cds.fhir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
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
    /** User-data key: the parser met an unreadable value somewhere in this resource. */
    private static final String SUSPECT = "ombc.unreadable-value";

    private UnreadableDates() {}

    /**
     * Marks the parsed resource (and a Bundle's entries) as holding some value the parser could not read. Walking
     * every element of every resource costs a measurable part of a hook call, so only marked resources are walked:
     * the parser reports each unreadable value ({@link FhirJson}), and nearly all charts have none.
     */
    static IBaseResource markedIf(boolean unreadableValueSeen, IBaseResource parsed) {
        if (unreadableValueSeen && parsed instanceof Resource resource) {
            resource.setUserData(SUSPECT, true);
            if (resource instanceof Bundle bundle) {
                for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                    if (entry.getResource() != null) {
                        entry.getResource().setUserData(SUSPECT, true);
                    }
                }
            }
        }
        return parsed;
    }

    /**
     * Names of the elements of {@code resource} holding a date that could not be read; their text is removed.
     * Resources built in code cannot hold one (HAPI's setters refuse it), so only parsed, marked ones are walked.
     */
    static Set<String> clear(Resource resource) {
        if (resource.getUserData(SUSPECT) == null) {
            return Set.of();
        }
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
