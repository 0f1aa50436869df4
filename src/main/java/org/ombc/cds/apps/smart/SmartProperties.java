package org.ombc.cds.apps.smart;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tumour-board app (SMART App Launch 2.0).
 *
 * @param clients             the EHRs that registered the app: their FHIR base URL ({@code iss}) and the client id
 *                            they issued; an entry without a port matches any port of that host
 * @param allowOpenServers    standalone launch against a FHIR server that needs no authorisation (no
 *                            smart-configuration), such as the sandbox's own {@code /fhir}; never with real data
 * @param discoveryTimeout    how long fetching a server's {@code .well-known/smart-configuration} may take
 */
@ConfigurationProperties("ombc.smart")
public record SmartProperties(
        @DefaultValue List<Client> clients,
        @DefaultValue("false") boolean allowOpenServers,
        @DefaultValue("5s") Duration discoveryTimeout) {

    /**
     * One EHR registration of the tumour-board app.
     *
     * @param iss          the EHR's FHIR base URL, as it sends it in {@code iss}
     * @param clientId     the client id the EHR issued to this app
     * @param clientSecret set only for a confidential registration; a public client (the default) uses PKCE alone
     */
    public record Client(
            String iss, String clientId, @Nullable String clientSecret) {}
}
