package org.ombc.cds.chart.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.fhir.FhirEntry;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.fhir.ResourceIds;
import org.ombc.cds.fhir.UnreadableDates;
import org.ombc.cds.knowledge.FhirProfileValidator;

/**
 * Gathers a patient's resources for one hook call: from the prefetch where the client sent a key (a JSON
 * {@code null} means "no data"; an OperationOutcome means the client failed, so the key counts as missing),
 * else from the FHIR server.
 */
public final class PatientDataService {

    static final int MAX_VALIDATION_PROBLEMS = 10;

    private final FhirJson json;
    private final @Nullable FhirFetcher fetcher;
    private final @Nullable FhirProfileValidator validator;

    /**
     * @param fetcher   reads what the prefetch lacks from the FHIR server; null where charts come whole and
     *                  {@link #gather} is never called (the worklist's export files)
     * @param validator validates incoming resources against our profiles; null when ombc.validation is off
     */
    public PatientDataService(FhirJson json, @Nullable FhirFetcher fetcher, @Nullable FhirProfileValidator validator) {
        this.json = json;
        this.fetcher = fetcher;
        this.validator = validator;
    }

    public PatientData gather(
            String patientId,
            @Nullable Map<String, JsonNode> prefetch,
            @Nullable String fhirServer,
            @Nullable String accessToken) {
        List<FhirEntry> entries = new ArrayList<>();
        Set<PrefetchKey> missing = EnumSet.noneOf(PrefetchKey.class);
        Map<PrefetchKey, FhirFetcher.Continuation> partial = new EnumMap<>(PrefetchKey.class);
        Map<PrefetchKey, List<FhirEntry>> partialEntries = new EnumMap<>(PrefetchKey.class);
        for (PrefetchKey key : PrefetchKey.values()) {
            JsonNode value = prefetch == null ? null : prefetch.get(key.key());
            if (prefetch == null || !prefetch.containsKey(key.key())) {
                missing.add(key);
            } else if (value == null || value.isNull()) {
                // a JSON null: the client says there is no such data; nothing to read
            } else {
                // Its shape (an object) was checked with the rest of the request; here only its content.
                IBaseResource parsed;
                try {
                    parsed = json.parse(value);
                } catch (FhirJson.NotFhirException e) {
                    throw new InvalidPrefetchException("prefetch." + key.key() + " is not valid FHIR R4 JSON.");
                }
                if (parsed instanceof OperationOutcome) {
                    missing.add(key);
                } else if (SearchPages.isIncomplete(parsed)) {
                    // One page of a longer search (clinical-rules 8): the rest is read, or the key is not had.
                    partial.put(
                            key,
                            new FhirFetcher.Continuation(
                                    SearchPages.next(parsed), SearchPages.matches(parsed), SearchPages.total(parsed)));
                    partialEntries.put(key, FhirJson.entriesOf(parsed));
                } else {
                    entries.addAll(FhirJson.entriesOf(parsed));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty() || !partial.isEmpty()) {
            Map<String, String> requiredFailures = new LinkedHashMap<>();
            FhirFetcher reader = Objects.requireNonNull(fetcher, "a chart that lacks data is read with a fetcher");
            Set<PrefetchKey> queries = EnumSet.copyOf(missing.isEmpty() ? EnumSet.noneOf(PrefetchKey.class) : missing);
            Map<PrefetchKey, FhirFetcher.Continuation> continuations = new EnumMap<>(PrefetchKey.class);
            partial.forEach((key, continuation) -> {
                if (continuation.next() != null) {
                    continuations.put(key, continuation);
                } else {
                    // A total larger than the entries, and no link to the rest: the whole query is run again.
                    queries.add(key);
                }
            });
            for (Map.Entry<PrefetchKey, FhirFetcher.Result> result : reader.fetch(
                            fhirServer, accessToken, patientId, queries, continuations)
                    .entrySet()) {
                PrefetchKey key = result.getKey();
                FetchFailure failure = result.getValue().failure();
                boolean wasPartial = partial.containsKey(key);
                if (failure == null
                        && key == PrefetchKey.PATIENT
                        && !isPatient(result.getValue().entries(), patientId)) {
                    // The server's mistake, not the client's: the data cannot be had (412), never a 400.
                    failure = FetchFailure.WRONG_PATIENT;
                }
                if (failure == null) {
                    if (continuations.containsKey(key)) {
                        entries.addAll(partialEntries.get(key));
                    }
                    entries.addAll(result.getValue().entries());
                } else if (key.isRequired()) {
                    // fhirServer refused by the allow-list: the fix is the allow-list, so that is what is named
                    boolean serverRefused = failure == FetchFailure.NOT_ALLOWED && !reader.allowsServer(fhirServer);
                    requiredFailures.put(
                            key.key(), wasPartial && !serverRefused ? FetchFailure.INCOMPLETE.code() : failure.code());
                } else if (wasPartial) {
                    problems.add(key.key() + " was sent only in part and the rest could not be read (" + failure.code()
                            + "): assessed without it.");
                } else {
                    problems.add(key.key() + " could not be read (" + failure.code() + "): " + failure.description()
                            + "; assessed without it.");
                }
            }
            if (!requiredFailures.isEmpty()) {
                throw new DataUnavailableException(requiredFailures);
            }
        }
        List<Resource> own = forPatient(patientId, fhirServer, entries, problems);
        problems.addAll(UnreadableDates.clear(own));
        if (validator != null) {
            problems.addAll(validationProblems(validator, own));
        }
        return new PatientData(own, problems);
    }

    /** Errors against R4 and our profiles, for the data-quality card (never the log: they may quote values). */
    private static List<String> validationProblems(FhirProfileValidator validator, List<Resource> resources) {
        List<String> problems = new ArrayList<>();
        int more = 0;
        for (Resource resource : resources) {
            for (FhirProfileValidator.Issue issue : validator.validate(resource)) {
                if (!issue.isError()) {
                    continue;
                }
                if (problems.size() < MAX_VALIDATION_PROBLEMS) {
                    problems.add(resource.fhirType() + "/" + ResourceIds.idOf(resource) + " is not valid: "
                            + issue.message() + " (at " + issue.location() + ")");
                } else {
                    more++;
                }
            }
        }
        if (more > 0) {
            problems.add(more + " more validation error(s) not listed.");
        }
        return problems;
    }

    /**
     * Keeps the patient's own resources (clinical-rules 8, "Whose data"). A Patient that is not the context's
     * patient is refused: cards computed from another patient's chart must never be shown. Other resources that
     * name another patient, or no patient, are dropped, counted and named.
     */
    private static List<Resource> forPatient(
            String patientId, @Nullable String fhirServer, List<FhirEntry> entries, List<String> problems) {
        boolean patientSeen = false;
        for (FhirEntry entry : entries) {
            if (entry.resource() instanceof Patient patient) {
                if (!patientId.equals(patient.getIdElement().getIdPart())) {
                    throw new InvalidPrefetchException("prefetch Patient is not the patient of context.patientId.");
                }
                patientSeen = true;
            }
        }
        if (!patientSeen) {
            throw new DataUnavailableException(Map.of(PrefetchKey.PATIENT.key(), "no-patient"));
        }
        PatientCompartment.Selection selection =
                PatientCompartment.of(patientId, fhirServer, entries).select(entries);
        problems.addAll(selection.problems());
        return selection.kept();
    }

    /** Whether a fetched {@code Patient} read is the patient of the call. */
    private static boolean isPatient(List<FhirEntry> fetched, String patientId) {
        return fetched.stream()
                .allMatch(entry -> !(entry.resource() instanceof Patient patient)
                        || patientId.equals(patient.getIdElement().getIdPart()));
    }
}
