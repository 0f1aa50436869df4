package org.ombc.cds.apps.sandbox;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Collects the catalogue's cases in order: {@link #add} opens a case and hands back its chart to fill,
 * {@link #expect} closes it with its answer. Each case gets a synthetic name from its position, so adding a case
 * at the end renames no one.
 */
final class CatalogueBuilder {

    static final String[] GIVEN = {
        "Ada", "Beatriz", "Chiara", "Dorota", "Elif", "Fatima", "Grace", "Hanna", "Ines", "Julia", "Kemi", "Lena",
        "Mei", "Nadia", "Olga", "Priya", "Rosa", "Sofia", "Tamar", "Ursula"
    };
    static final String[] FAMILY = {
        "Andersen",
        "Bianchi",
        "Costa",
        "Dubois",
        "Esposito",
        "Fischer",
        "Garcia",
        "Haddad",
        "Ivanova",
        "Jensen",
        "Kowalski",
        "Lindqvist",
        "Moreau",
        "Novak",
        "Okafor",
        "Petrova",
        "Rossi"
    };

    private static final class Pending {
        final PatientBundle chart;
        final String story;

        @Nullable
        Expected expected;

        Pending(PatientBundle chart, String story) {
            this.chart = chart;
            this.story = story;
        }
    }

    private final List<Pending> cases = new ArrayList<>();

    /** Opens case {@code id}: its chart, a synthetic woman named from the case's position. */
    PatientBundle add(String id, String story) {
        if (!cases.isEmpty() && cases.get(cases.size() - 1).expected == null) {
            throw new IllegalStateException(
                    "no expectation for " + cases.get(cases.size() - 1).chart.patientId());
        }
        int n = cases.size();
        PatientBundle chart = PatientBundle.patient(id)
                .named(
                        GIVEN[n % GIVEN.length],
                        FAMILY[n % FAMILY.length] + "-Demo",
                        (1950 + n % 50) + "-0" + (1 + n % 9) + "-1" + (n % 9));
        cases.add(new Pending(chart, story));
        return chart;
    }

    /** The answer of the case opened last. */
    void expect(Expected expected) {
        cases.get(cases.size() - 1).expected = expected;
    }

    List<DemoPatient> build() {
        List<DemoPatient> out = new ArrayList<>();
        for (Pending p : cases) {
            Expected expected = p.expected;
            if (expected == null) {
                throw new IllegalStateException("no expectation for " + p.chart.patientId());
            }
            var patient = (Patient) p.chart.resources().get(0);
            String name = patient.getNameFirstRep().getGivenAsSingleString() + " "
                    + patient.getNameFirstRep().getFamily();
            out.add(new DemoPatient(p.chart.patientId(), name, p.story, globalIds(p.chart), expected));
        }
        return out;
    }

    /**
     * Ids unique across all patients ("demo-x-bone-a"), so that a FHIR server can hold every case: the chart
     * builder's ids are only unique within one chart. References between a chart's resources follow.
     */
    static List<Resource> globalIds(PatientBundle chart) {
        String prefix = chart.patientId() + "-";
        List<Resource> resources = chart.resources();
        for (Resource r : resources) {
            if (!(r instanceof Patient)) {
                r.setId(prefix + r.getIdElement().getIdPart());
            }
            if (r instanceof Observation o) {
                for (Reference focus : o.getFocus()) {
                    String ref = focus.getReference();
                    int slash = ref.indexOf('/');
                    focus.setReference(ref.substring(0, slash + 1) + prefix + ref.substring(slash + 1));
                }
            }
        }
        return resources;
    }
}
