package org.ombc.cds.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A development issuer, so that the secured service can be tried end to end without an EHR (docs/operations.md,
 * "Trying the secured service"). Two commands of the executable jar, run without starting the web application:
 *
 * <ul>
 * <li>{@code dev-keys [--dir DIR] [--iss ISS]}: makes an EC P-256 key pair in {@code DIR} once ({@code
 * private.jwk.json}, readable by its owner only; {@code jwks.json}, the public key set the service is pointed at
 * with {@code ombc.security.trusted-issuers[n].jwks-file}; {@code iss}, the issuer name). Run again, it keeps the
 * keys.</li>
 * <li>{@code token --aud URL [--dir DIR] [--kid KID] [--ttl SECONDS]}: prints a CDS Hooks JWT signed with that
 * key: {@code iss}, {@code sub}, {@code aud}, {@code iat}, {@code exp} (5 minutes), a fresh {@code jti}.</li>
 * </ul>
 *
 * {@code DIR} defaults to {@code $OMBC_DEV_ISSUER_DIR}, else {@code ./data/dev-issuer}. The keys are generated
 * where they are used and are never part of the repository or the image. For trials only: whoever can read the
 * private key can call the service as this issuer.
 */
public final class DevIssuerCommand {

    public static final String KEYS = "dev-keys";
    public static final String TOKEN = "token";
    public static final String DEFAULT_ISS = "ombc-dev-issuer";
    /** Environment variable naming the key directory (compose sets it in the service container). */
    public static final String DIR_ENV = "OMBC_DEV_ISSUER_DIR";

    static final String PRIVATE_FILE = "private.jwk.json";
    public static final String PUBLIC_FILE = "jwks.json";
    static final String ISS_FILE = "iss";

    private DevIssuerCommand() {}

    /** Whether {@code args} name one of these commands rather than the web application. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (KEYS.equals(args[0]) || TOKEN.equals(args[0]));
    }

    /** Runs the command; returns the process exit code (0 done, 2 a usage error, 1 a failure). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(usage());
            return 2;
        }
        Path dir = Path.of(options.getOrDefault("dir", defaultDir()));
        try {
            if (KEYS.equals(args[0])) {
                boolean made = ensureKeys(dir, options.getOrDefault("iss", DEFAULT_ISS));
                err.println((made ? "generated the development issuer's key pair in " : "kept the key pair in ")
                        + dir.toAbsolutePath() + " (issuer " + issuer(dir) + ")");
                return 0;
            }
            String aud = options.get("aud");
            if (aud == null) {
                err.println(
                        "token needs --aud, the URL called, e.g. http://localhost:8080/cds-services/ombc-patient-view");
                err.println(usage());
                return 2;
            }
            Duration ttl = Duration.ofSeconds(Long.parseLong(options.getOrDefault("ttl", "300")));
            out.println(token(dir, aud, options.get("kid"), ttl, Instant.now()));
            return 0;
        } catch (IOException | ParseException | JOSEException | IllegalStateException | NumberFormatException e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    /** Generates the key pair unless {@code dir} has one; true when it generated. */
    public static boolean ensureKeys(Path dir, String iss) throws IOException, ParseException, JOSEException {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        boolean made = false;
        if (!Files.exists(privateFile)) {
            Files.createDirectories(dir);
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyID("dev-" + UUID.randomUUID().toString().substring(0, 8))
                    .generate();
            Path temp = Files.createTempFile(dir, "private", ".tmp");
            try {
                ownerOnly(temp);
                Files.writeString(temp, new JWKSet(key).toString(false), StandardCharsets.UTF_8);
                Files.move(temp, privateFile); // atomic; fails when another run made the key first
                Files.writeString(dir.resolve(ISS_FILE), iss + "\n", StandardCharsets.UTF_8);
                made = true;
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(temp);
            }
        }
        Path publicFile = dir.resolve(PUBLIC_FILE);
        if (made || !Files.exists(publicFile)) {
            // Derived from the private key, so the pair always matches, even after an interrupted first run.
            JWKSet keys = JWKSet.parse(Files.readString(privateFile, StandardCharsets.UTF_8));
            Files.writeString(publicFile, keys.toPublicJWKSet().toString(true), StandardCharsets.UTF_8);
        }
        return made;
    }

    /** A CDS Hooks 2.0 client JWT signed with the development key. */
    public static String token(Path dir, String aud, @Nullable String kid, Duration ttl, Instant now)
            throws IOException, ParseException, JOSEException {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        if (!Files.exists(privateFile)) {
            throw new IllegalStateException("no key pair in " + dir.toAbsolutePath() + ": run '" + KEYS + "' first");
        }
        List<JWK> keys = JWKSet.parse(Files.readString(privateFile, StandardCharsets.UTF_8))
                .getKeys();
        ECKey key = keys.stream()
                .filter(k -> kid == null || kid.equals(k.getKeyID()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no key with kid " + kid + " in " + privateFile))
                .toECKey();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer(dir))
                .subject("ombc-dev-client")
                .audience(aud)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    static String issuer(Path dir) throws IOException {
        Path file = dir.resolve(ISS_FILE);
        return Files.exists(file)
                ? Files.readString(file, StandardCharsets.UTF_8).trim()
                : DEFAULT_ISS;
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL applies.
        }
    }

    private static String defaultDir() {
        String env = System.getenv(DIR_ENV);
        return env == null || env.isBlank() ? "data/dev-issuer" : env;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> known = KEYS.equals(args[0]) ? List.of("dir", "iss") : List.of("dir", "aud", "kid", "ttl");
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name;
            String value;
            if (arg.startsWith("--") && arg.contains("=")) {
                name = arg.substring(2, arg.indexOf('='));
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                name = arg.substring(2);
                value = args[++i];
            } else {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " for " + args[0]);
            }
            options.put(name, value);
        }
        return options;
    }

    private static String usage() {
        return """
                usage: java -jar ombc-cds.jar dev-keys [--dir DIR] [--iss ISS]
                       java -jar ombc-cds.jar token --aud URL [--dir DIR] [--kid KID] [--ttl SECONDS]
                DIR defaults to $OMBC_DEV_ISSUER_DIR, else ./data/dev-issuer""";
    }
}
