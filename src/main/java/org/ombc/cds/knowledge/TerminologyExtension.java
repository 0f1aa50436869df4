package org.ombc.cds.knowledge;

import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Widens the published expansions for one chart: a site's terminology server may place codes that our ValueSets
 * do not list (clinical-rules 10, "Concept families"). Asked once per chart before mapping, so that the mapper
 * itself stays a pure function of the chart and the terminology it is given.
 */
@FunctionalInterface
public interface TerminologyExtension {

    /** The published expansions alone: what the service uses offline and by default. */
    TerminologyExtension NONE = (base, chart) -> base;

    /**
     * The terminology to map this chart with; {@code base} when nothing is added.
     *
     * @param base  the published expansions
     * @param chart the resources about to be mapped
     */
    Terminology extend(Terminology base, List<? extends IBaseResource> chart);

    /**
     * As {@link #extend(Terminology, List)}, within what is left of the call's own deadline: a hook that spent its
     * time fetching the chart has less left for terminology lookups.
     *
     * @param callStartNanos {@link System#nanoTime()} when the call began
     */
    default Terminology extend(Terminology base, List<? extends IBaseResource> chart, long callStartNanos) {
        return extend(base, chart);
    }
}
