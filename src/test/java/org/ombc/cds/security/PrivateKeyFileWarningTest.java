package org.ombc.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ombc.cds.support.Tokens;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

/**
 * A pinned key file that holds the issuer's private key (issue #27): said at start, and only its public part used.
 * The service never needs the private key; on its disk, anyone who can read the file can sign as the EHR.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrivateKeyFileWarningTest {

    private static final String WARNING = "holds a PRIVATE key";
    private static final ECKey KEY = Tokens.ecKey(Curve.P_384, "k1");

    private static SecurityProperties properties(TrustedIssuer issuer) {
        return new SecurityProperties(
                true,
                List.of(issuer),
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                List.of(),
                Duration.ofHours(1),
                Duration.ofSeconds(10),
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                Duration.ofSeconds(60),
                Duration.ofMinutes(5),
                DataSize.ofKilobytes(50));
    }

    @Test
    void aKeyFileWithThePrivateKeyIsWarnedAboutAtStartAndOnlyItsPublicKeyIsKept(
            @TempDir Path dir, CapturedOutput output) throws Exception {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, new JWKSet(KEY).toString(false));
        TrustedIssuer issuer = new TrustedIssuer("lab-ehr", null, null, file.toString(), List.of());
        JwksCache keys = new SecurityConfiguration().jwksCache(properties(issuer), Clock.systemUTC());
        assertThat(output).contains(WARNING).contains("lab-ehr").contains(file.toString());
        assertThat(keys.local(issuer).getKeys()).hasSize(1).noneMatch(JWK::isPrivate);
    }

    @Test
    void aPublicKeyFileIsNotWarnedAbout(@TempDir Path dir, CapturedOutput output) throws Exception {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, Tokens.jwks(KEY));
        new SecurityConfiguration()
                .jwksCache(
                        properties(new TrustedIssuer("lab-ehr", null, null, file.toString(), List.of())),
                        Clock.systemUTC());
        assertThat(output).doesNotContain(WARNING);
    }

    @Test
    void anUnreadableKeyFileIsSaidAtStart(@TempDir Path dir, CapturedOutput output) {
        new SecurityConfiguration()
                .jwksCache(
                        properties(new TrustedIssuer(
                                "lab-ehr",
                                null,
                                null,
                                dir.resolve("missing.json").toString(),
                                List.of())),
                        Clock.systemUTC());
        assertThat(output).contains("lab-ehr").contains("keys-unavailable");
    }
}
