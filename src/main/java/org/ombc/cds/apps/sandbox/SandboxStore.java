package org.ombc.cds.apps.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.ombc.cds.chart.fetch.PrefetchKey;
import org.ombc.cds.fhir.ResourceIds;

/**
 * The sandbox's patients in memory: the demo patients and the patients of the published example Bundles. Read
 * only after start, so it is safe to share between request threads.
 */
public final class SandboxStore {

    /** A patient as the card viewer lists it. */
    public record Listing(String id, String name, String story) {}

    private final Map<String, List<Resource>> byPatient = new LinkedHashMap<>();
    private final List<Listing> listings = new ArrayList<>();

    public SandboxStore(List<DemoPatient> demos, Map<String, Bundle> examples) {
        for (DemoPatient demo : demos) {
            byPatient.put(demo.id(), demo.resources());
            listings.add(new Listing(demo.id(), demo.name(), demo.story()));
        }
        examples.forEach((story, bundle) -> {
            List<Resource> resources = bundle.getEntry().stream()
                    .map(Bundle.BundleEntryComponent::getResource)
                    .toList();
            resources.stream().filter(Patient.class::isInstance).findFirst().ifPresent(p -> {
                String id = ResourceIds.idOf(p);
                byPatient.put(id, resources);
                Patient patient = (Patient) p;
                listings.add(new Listing(id, patient.getNameFirstRep().getNameAsSingleString(), story));
            });
        });
    }

    public List<Listing> listings() {
        return List.copyOf(listings);
    }

    public List<Resource> patientResources(String patientId) {
        return byPatient.getOrDefault(patientId, List.of());
    }

    public Optional<Resource> read(String type, String id) {
        for (List<Resource> resources : byPatient.values()) {
            for (Resource r : resources) {
                if (r.fhirType().equals(type) && id.equals(ResourceIds.idOf(r))) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    public List<Resource> patients() {
        return byPatient.values().stream()
                .flatMap(List::stream)
                .filter(Patient.class::isInstance)
                .toList();
    }

    /**
     * Resources of {@code type} for a patient, kept when they carry one of {@code tokens} in {@code element}
     * ("code" or "category"; tokens as system|code, |code or code); no tokens keeps all.
     */
    public List<Resource> search(String type, String patientId, String element, List<String> tokens) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : patientResources(patientId)) {
            if (r.fhirType().equals(type) && (tokens.isEmpty() || matches(r, element, tokens))) {
                out.add(r);
            }
        }
        return out;
    }

    /** The prefetch an EHR would send for this patient, key by key. */
    public Map<String, Resource> prefetch(String patientId) {
        Map<String, Resource> prefetch = new LinkedHashMap<>();
        for (PrefetchKey key : PrefetchKey.values()) {
            if (key == PrefetchKey.PATIENT) {
                read("Patient", patientId).ifPresent(p -> prefetch.put(key.key(), p));
            } else {
                Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
                for (Resource r : search(key.resourceType(), patientId, "code", List.of())) {
                    bundle.addEntry()
                            .setFullUrl(key.resourceType() + "/" + ResourceIds.idOf(r))
                            .setResource(r)
                            .getSearch()
                            .setMode(Bundle.SearchEntryMode.MATCH);
                }
                bundle.setTotal(bundle.getEntry().size());
                prefetch.put(key.key(), bundle);
            }
        }
        return prefetch;
    }

    private static boolean matches(Resource r, String element, List<String> tokens) {
        var property = r.getNamedProperty(element);
        if (property == null) {
            return false;
        }
        for (var value : property.getValues()) {
            if (value instanceof CodeableConcept concept) {
                for (Coding coding : concept.getCoding()) {
                    for (String token : tokens) {
                        int bar = token.indexOf('|');
                        String system = bar < 0 ? null : token.substring(0, bar);
                        String code = bar < 0 ? token : token.substring(bar + 1);
                        if (code.equals(coding.getCode())
                                && ((system == null || system.isEmpty())
                                        ? (bar < 0 || !coding.hasSystem())
                                        : system.equals(coding.getSystem()))) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
