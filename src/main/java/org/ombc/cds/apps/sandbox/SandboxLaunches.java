package org.ombc.cds.apps.sandbox;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.ombc.cds.apps.smart.OpenServerLaunches;

/**
 * The launch ids the sandbox's {@code /fhir} gives out ({@link LaunchRegistration}): random, for one patient, kept
 * ten minutes (a card's link is opened soon after it is shown) and at most 10,000 at a time.
 */
public final class SandboxLaunches implements OpenServerLaunches {

    private final Cache<String, String> patients = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10))
            .maximumSize(10_000)
            .build();

    /** A new launch id for {@code patientId}. */
    String register(String patientId) {
        String launch = UUID.randomUUID().toString();
        patients.put(launch, patientId);
        return launch;
    }

    @Override
    public Optional<String> patient(String launch) {
        return launch == null ? Optional.empty() : Optional.ofNullable(patients.getIfPresent(launch));
    }
}
