package org.ombc.cds.support;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** The EHR that {@link SecuredServerTest} trusts, and tokens it signs. */
public final class SecuredServer {

    public static final String ISS = "https://ehr.secured.example";
    public static final String OTHER_ISS = "https://other-ehr.secured.example";
    public static final ECKey KEY = Tokens.ecKey(Curve.P_256, "secured-1");
    public static final ECKey OTHER_KEY = Tokens.ecKey(Curve.P_256, "other-1");
    public static final String ADMIN_TOKEN = "secured-admin-token";
    public static final String SERVICE = "/cds-services/ombc-patient-view";

    private SecuredServer() {}

    /** A fresh token for {@code path} on this port, from {@link #ISS}. */
    public static String bearer(int port, String path) {
        return "Bearer "
                + Tokens.sign(
                        KEY,
                        JWSAlgorithm.ES256,
                        Tokens.claims(ISS, "http://localhost:" + port + path).build());
    }

    /** Registers both issuers with inline key sets (generated per test run, so not in the annotation). */
    public static class Keys implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
                    context,
                    "ombc.security.trusted-issuers[0].iss=" + ISS,
                    "ombc.security.trusted-issuers[0].jwks=" + Tokens.jwks(KEY).replace("\n", ""),
                    "ombc.security.trusted-issuers[1].iss=" + OTHER_ISS,
                    "ombc.security.trusted-issuers[1].jwks="
                            + Tokens.jwks(OTHER_KEY).replace("\n", ""));
        }
    }
}
