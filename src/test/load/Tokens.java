import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.ombc.cds.security.DevIssuerCommand;

/**
 * Writes N development-issuer JWTs for the secured load run (secured.sh), one per line: each call needs its own
 * (a jti is accepted once). Usage: java -cp CLASSPATH Tokens.java KEY_DIR AUDIENCE N OUT_FILE [LIFETIME_SECONDS]
 * (default 20 minutes; stores.sh uses short-lived tokens, as an EHR would).
 */
public class Tokens {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        DevIssuerCommand.ensureKeys(dir, DevIssuerCommand.DEFAULT_ISS);
        int n = Integer.parseInt(args[2]);
        Duration lifetime = args.length > 4 ? Duration.ofSeconds(Long.parseLong(args[4])) : Duration.ofMinutes(20);
        Instant now = Instant.now();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
            for (int i = 0; i < n; i++) {
                out.println(DevIssuerCommand.token(dir, args[1], null, lifetime, now));
            }
        }
    }
}
