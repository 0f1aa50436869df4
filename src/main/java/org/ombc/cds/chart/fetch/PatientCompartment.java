package org.ombc.cds.chart.fetch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.fhir.FhirEntry;

/**
 * Whose data (clinical-rules 8): a resource counts only when its {@code subject} (or {@code patient}) points at
 * this patient, as {@code Patient/{id}}, as the absolute URL {@code {fhirServer}/Patient/{id}}, or as the
 * {@code fullUrl} of this patient's Patient entry (an absolute URL or a {@code urn:uuid:}). Another patient, a
 * Group, no subject, or a reference by identifier or display only: the record is left out, counted, and named
 * in clinician words. One rule for the hook prefetch, the FHIR fallback and {@code /ombc/assessment}.
 */
public final class PatientCompartment {

    /** R4 names the patient link {@code subject} on the resources we read, {@code patient} on some others. */
    private static final List<String> PATIENT_LINKS = List.of("subject", "patient");
    /** FHIR R4 id datatype: a version id is one such segment. */
    private static final Pattern VERSION_ID = Pattern.compile("[A-Za-z0-9.-]{1,64}");

    private final @Nullable String patientId;
    private final Set<String> references = new LinkedHashSet<>();

    /**
     * @param patientId  the patient's logical id (null when only a fullUrl identifies it)
     * @param fhirServer the request's FHIR server base, or null
     * @param fullUrls   the fullUrls of this patient's Patient entries
     */
    public PatientCompartment(@Nullable String patientId, @Nullable String fhirServer, Set<String> fullUrls) {
        this.patientId = patientId;
        if (patientId != null) {
            references.add("Patient/" + patientId);
            if (fhirServer != null && !fhirServer.isBlank()) {
                references.add(stripSlashes(fhirServer) + "/Patient/" + patientId);
            }
        }
        for (String fullUrl : fullUrls) {
            if (fullUrl != null && !fullUrl.isBlank()) {
                references.add(fullUrl);
            }
        }
    }

    /** The compartment of the patient with this id: its Patient entries' fullUrls are collected from entries. */
    public static PatientCompartment of(String patientId, @Nullable String fhirServer, List<FhirEntry> entries) {
        Set<String> fullUrls = new LinkedHashSet<>();
        for (FhirEntry entry : entries) {
            if (entry.resource() instanceof Patient patient
                    && patientId.equals(patient.getIdElement().getIdPart())
                    && entry.fullUrl() != null) {
                fullUrls.add(entry.fullUrl());
            }
        }
        return new PatientCompartment(patientId, fhirServer, fullUrls);
    }

    /** What was kept, and what was left out by reason and resource type. */
    public record Selection(List<Resource> kept, Map<String, Integer> otherPatient, Map<String, Integer> noPatient) {

        public int leftOut() {
            return otherPatient.values().stream().mapToInt(Integer::intValue).sum()
                    + noPatient.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Sentences for the data-quality card: counts and resource types, never content. */
        public List<String> problems() {
            List<String> problems = new ArrayList<>(2);
            int other =
                    otherPatient.values().stream().mapToInt(Integer::intValue).sum();
            int none = noPatient.values().stream().mapToInt(Integer::intValue).sum();
            if (other > 0) {
                problems.add(records(other, otherPatient) + (other == 1 ? " belongs" : " belong")
                        + " to another patient and " + (other == 1 ? "was" : "were") + " left out.");
            }
            if (none > 0) {
                problems.add(records(none, noPatient) + (none == 1 ? " names" : " name")
                        + " no patient (no subject, a group, or the patient only by identifier or name) and "
                        + (none == 1 ? "was" : "were") + " left out: link " + (none == 1 ? "it" : "them")
                        + " to this patient's record to have " + (none == 1 ? "it" : "them") + " counted.");
            }
            return problems;
        }

        private static String records(int n, Map<String, Integer> byType) {
            List<String> parts = new ArrayList<>();
            byType.forEach((type, count) -> parts.add(count + " " + type));
            return n + (n == 1 ? " record" : " records") + " (" + String.join(", ", parts) + ")";
        }
    }

    /** Whether a reference names this patient. */
    public boolean isThisPatient(String reference) {
        if (reference == null) {
            return false;
        }
        String ref = reference.trim();
        int history = ref.indexOf("/_history/");
        if (history > 0) {
            // One version id and nothing after it: "_history/1/../../Patient/other" names another patient.
            String version = ref.substring(history + "/_history/".length());
            if (!VERSION_ID.matcher(version).matches() || version.chars().allMatch(c -> c == '.')) {
                return false;
            }
            ref = ref.substring(0, history);
        }
        return references.contains(ref);
    }

    /**
     * Keeps resources that are this patient's, and those that are nobody's data (a Medication, an Organization:
     * no patient link in their type). Patient resources are kept as they are: which Patient is acceptable is the
     * caller's decision (a prefetch of another patient is refused before this).
     */
    public Selection select(List<FhirEntry> entries) {
        List<Resource> kept = new ArrayList<>(entries.size());
        Map<String, Integer> other = new TreeMap<>();
        Map<String, Integer> none = new TreeMap<>();
        for (FhirEntry entry : entries) {
            Resource resource = entry.resource();
            if (resource instanceof Patient) {
                kept.add(resource);
                continue;
            }
            Property link = patientLink(resource);
            if (link == null) {
                kept.add(resource);
                continue;
            }
            Reference reference = link.hasValues() && link.getValues().get(0) instanceof Reference r ? r : null;
            if (reference != null && isThisPatient(reference.getReference())) {
                kept.add(resource);
            } else if (reference != null && namesAPatient(reference)) {
                other.merge(resource.fhirType(), 1, Integer::sum);
            } else {
                none.merge(resource.fhirType(), 1, Integer::sum);
            }
        }
        return new Selection(kept, other, none);
    }

    /** The {@code subject} or {@code patient} element, when the resource type has one (present or not). */
    private static @Nullable Property patientLink(Resource resource) {
        for (String name : PATIENT_LINKS) {
            Property property = resource.getNamedProperty(name);
            if (property != null) {
                return property;
            }
        }
        return null;
    }

    /** A reference that identifies some Patient (not this one): by type, by a resolved entry, or by its path. */
    private static boolean namesAPatient(Reference reference) {
        if (!reference.hasReference()) {
            return false;
        }
        Base resolved = (Base) reference.getResource();
        if (resolved != null) {
            return resolved instanceof Patient;
        }
        String ref = reference.getReference();
        return ref.startsWith("Patient/") || ref.contains("/Patient/") || "Patient".equals(reference.getType());
    }

    private static String stripSlashes(String url) {
        String out = url.trim();
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    public @Nullable String patientId() {
        return patientId;
    }
}
