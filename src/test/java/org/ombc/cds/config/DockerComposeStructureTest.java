package org.ombc.cds.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ombc.cds.security.DevIssuerCommand;
import org.yaml.snakeyaml.Yaml;

/**
 * No container runtime exists on the machines this project is built on, so {@code docker/compose.yaml} and the
 * Dockerfile are checked for what makes a compose set-up fail to come up: floating image tags, health checks
 * that call a program the image does not have, waits on a health check that never exists, environment
 * variables the application does not bind (a typo is silently ignored), and a development issuer whose keys
 * the service cannot find.
 */
class DockerComposeStructureTest {

    private static final Path COMPOSE = Path.of("docker/compose.yaml");
    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");

    /** The programs each image has, for health checks (HAPI's image is distroless: none). */
    private static final Map<String, Set<String>> PROGRAMS = Map.of(
            "postgres", Set.of("pg_isready", "psql", "sh"),
            "ombc-cds", Set.of("curl", "java", "sh"),
            "hapiproject/hapi", Set.of(),
            "curlimages/curl", Set.of("curl", "sh"));

    private static Map<String, Map<String, Object>> services;
    private static Map<String, JsonNode> boundProperties;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        boundProperties = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (URL url : Collections.list(DockerComposeStructureTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    boundProperties.put(canonical(property.path("name").asText()), property);
                }
            }
        }
        assertThat(boundProperties).containsKey("ombc.publicbaseurl").containsKey("spring.datasource.url");
    }

    @Test
    void everyImageIsPinnedToARealVersion() throws IOException {
        Pattern version = Pattern.compile(":v?\\d+(\\.\\d+)+[\\w.-]*$");
        List<String> images = new ArrayList<>();
        services.values().forEach(s -> images.add((String) s.get("image")));
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(Files.readString(DOCKERFILE));
        while (from.find()) {
            images.add(from.group(1));
        }
        assertThat(images).hasSizeGreaterThanOrEqualTo(services.size() + 2).allSatisfy(image -> {
            assertThat(image).as("image").isNotNull().doesNotContain(":latest").containsPattern(version);
        });
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher pomVersion = Pattern.compile("<artifactId>ombc-cds</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(pomVersion.find()).isTrue();
        assertThat(service("ombc-cds").get("image"))
                .as("our image is tagged with the pom version")
                .isEqualTo("ombc-cds:" + pomVersion.group(1));
    }

    @Test
    void everyHealthCheckRunsAProgramItsImageHas() {
        services.forEach((name, service) -> {
            Map<String, Object> health = map(service.get("healthcheck"));
            if (health == null || Boolean.TRUE.equals(health.get("disable"))) {
                return;
            }
            List<String> test = strings(health.get("test"));
            Set<String> programs = programs(service);
            assertThat(test).as(name + " health check").isNotEmpty();
            if ("CMD-SHELL".equals(test.get(0))) {
                assertThat(programs).as(name + ": CMD-SHELL needs a shell").contains("sh");
            } else {
                assertThat(test.get(0)).isEqualTo("CMD");
                assertThat(programs).as(name + " health check program").contains(test.get(1));
            }
        });
    }

    @Test
    void theServiceHasADockerfileHealthCheckOnTheManagementPortWithCurlInstalled() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        assertThat(dockerfile)
                .contains("apt-get install -y --no-install-recommends curl")
                .contains("HEALTHCHECK")
                .contains("http://localhost:8081/actuator/health");
        assertThat(strings(map(service("ombc-cds").get("healthcheck")).get("test")))
                .contains("http://localhost:8081/actuator/health");
    }

    /**
     * The image keeps the libraries (about 70 MB, changed by pom.xml only) in layers apart from our classes, which
     * change with every commit: Spring Boot's layers, extracted with its tools jar mode and copied least changed
     * first, and the application jar at the path that the entry point and compose's commands run.
     */
    @Test
    void theImageKeepsTheLibrariesInALayerApartFromTheApplication() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        assertThat(dockerfile)
                .contains("java -Djarmode=tools -jar target/ombc-cds.jar extract --layers --destination /layers");
        List<String> copied = new ArrayList<>();
        Matcher copy = Pattern.compile("(?m)^COPY --from=build /layers/([\\w-]+)/ /app/$")
                .matcher(dockerfile);
        while (copy.find()) {
            copied.add(copy.group(1));
        }
        assertThat(copied)
                .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        assertThat(dockerfile)
                .doesNotContain("COPY --from=build /src/target/ombc-cds.jar")
                .contains("ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-jar\", \"/app/ombc-cds.jar\"]");
        String header = Files.readString(COMPOSE);
        assertThat(header).contains("java -jar /app/ombc-cds.jar token");
    }

    @Test
    void everyLongRunningServiceIsCheckedForHealthFromInsideOrByAContainerThatWaitsForIt() {
        services.forEach((name, service) -> {
            if ("no".equals(service.get("restart"))) {
                return;
            }
            Map<String, Object> health = map(service.get("healthcheck"));
            if (health != null) {
                assertThat(health.get("disable")).as(name).isNotEqualTo(true);
                return;
            }
            // No program to run inside (HAPI): a one-shot that depends on it must retry until it answers.
            assertThat(programs(service))
                    .as(name + " has no health check although its image could run one")
                    .isEmpty();
            List<String> waiters = services.entrySet().stream()
                    .filter(e -> map(e.getValue().get("depends_on")) != null
                            && map(e.getValue().get("depends_on")).containsKey(name))
                    .filter(e -> String.join(" ", strings(e.getValue().get("command")))
                            .matches("(?s).*until curl [^;]*http://" + name + ":8080/fhir/metadata.*"))
                    .map(Map.Entry::getKey)
                    .toList();
            assertThat(waiters)
                    .as("a container that retries " + name + " until it answers")
                    .isNotEmpty();
        });
    }

    @Test
    void dependenciesWaitOnlyForConditionsThatCanBecomeTrue() {
        services.forEach((name, service) -> {
            Map<String, Object> dependsOn = map(service.get("depends_on"));
            if (dependsOn == null) {
                return;
            }
            dependsOn.forEach((target, spec) -> {
                Map<String, Object> other = service(target);
                String condition = (String) map(spec).get("condition");
                switch (condition) {
                    case "service_healthy" ->
                        assertThat(map(other.get("healthcheck")))
                                .as(name + " waits for " + target + " to be healthy")
                                .isNotNull()
                                .doesNotContainEntry("disable", true);
                    case "service_completed_successfully" ->
                        assertThat(other.get("restart"))
                                .as(name + " waits for the one-shot " + target)
                                .isEqualTo("no");
                    case "service_started" -> {}
                    default -> throw new AssertionError("unknown condition " + condition);
                }
            });
        });
    }

    @Test
    void everyApplicationEnvironmentVariableNamesAPropertyTheApplicationBinds() {
        Map<String, Object> environment = map(service("ombc-cds").get("environment"));
        assertThat(environment)
                .containsKeys(
                        "OMBC_PUBLICBASEURL",
                        "SPRING_DATASOURCE_URL",
                        "OMBC_SECURITY_TRUSTEDISSUERS_0_ISS",
                        "OMBC_SECURITY_TRUSTEDISSUERS_0_JWKSFILE");
        for (String name : environment.keySet()) {
            if (name.equals(DevIssuerCommand.DIR_ENV)) {
                continue; // read by the token command, not a Spring property
            }
            assertThat(binds(name))
                    .as(name + " is bound by the application (relaxed binding)")
                    .isTrue();
        }
        assertThat(binds("OMBC_PUBLICBASURL")).as("a typo is caught").isFalse();
        assertThat(binds("OMBC_SECURITY_TRUSTEDISSUERS_0_JWKSFIEL"))
                .as("a typo in a list element")
                .isFalse();
    }

    @Test
    void theDevelopmentIssuerIsTrustedWithTheKeysItsOneShotGenerates() {
        Map<String, Object> app = service("ombc-cds");
        Map<String, Object> environment = map(app.get("environment"));
        Map<String, Object> keys = service("dev-issuer");
        List<String> command = strings(keys.get("command"));
        assertThat(command.get(0)).isEqualTo(DevIssuerCommand.KEYS);
        String dir = command.get(command.indexOf("--dir") + 1);
        String iss = command.get(command.indexOf("--iss") + 1);
        assertThat(environment.get("OMBC_SECURITY_TRUSTEDISSUERS_0_ISS")).isEqualTo(iss);
        assertThat(environment.get("OMBC_SECURITY_TRUSTEDISSUERS_0_JWKSFILE"))
                .isEqualTo(dir + "/" + DevIssuerCommand.PUBLIC_FILE);
        assertThat(environment.get(DevIssuerCommand.DIR_ENV)).isEqualTo(dir);
        String volume = volumeAt(keys, dir);
        assertThat(volume).as("dev-issuer writes its keys to a named volume").isNotNull();
        assertThat(volumeAt(app, dir)).as("the service reads the same volume").isEqualTo(volume);
        assertThat(strings(app.get("volumes"))).contains(volume + ":" + dir + ":ro");
        assertThat(map(map(app.get("depends_on")).get("dev-issuer")).get("condition"))
                .isEqualTo("service_completed_successfully");
        assertThat(keys.get("image")).isEqualTo(app.get("image"));
    }

    @Test
    void managementPortIsPublishedOnTheHostOnly() {
        List<String> ports = strings(service("ombc-cds").get("ports")).stream()
                .map(p -> interpolate(p, Map.of()))
                .toList();
        assertThat(ports).contains("8080:8080");
        assertThat(ports.stream().filter(p -> p.endsWith(":8081")).toList()).containsExactly("127.0.0.1:8081:8081");
    }

    /** Host ports are parameters of the walk-through; their defaults are the ports the documentation names. */
    @Test
    void hostPortsAreParametersWithTheDocumentedDefaults() {
        assertThat(strings(service("ombc-cds").get("ports")))
                .containsExactly("${PORT:-8080}:8080", "127.0.0.1:${MANAGEMENT_PORT:-8081}:8081");
        assertThat(strings(service("fhir").get("ports"))).containsExactly("${FHIR_PORT:-8090}:8080");
        assertThat(interpolate(strings(service("ombc-cds").get("ports")).get(0), Map.of("PORT", "9090")))
                .isEqualTo("9090:8080");
    }

    /** A token's aud is the public base URL plus the path: it must follow the published port. */
    @Test
    void thePublicBaseUrlFollowsThePublishedPort() {
        String url = (String) map(service("ombc-cds").get("environment")).get("OMBC_PUBLICBASEURL");
        assertThat(interpolate(url, Map.of())).isEqualTo("http://localhost:8080");
        assertThat(interpolate(url, Map.of("PORT", "9090"))).isEqualTo("http://localhost:9090");
        assertThat(interpolate(url, Map.of("PORT", "9090", "OMBC_PUBLIC_BASE_URL", "https://cds.example")))
                .isEqualTo("https://cds.example");
    }

    /** Without this, the walk-through's first call could reach a FHIR server that has no patients yet. */
    @Test
    void theServiceStartsOnlyOnceTheDemoPatientsAreLoaded() {
        assertThat(map(map(service("ombc-cds").get("depends_on")).get("fhir-loader"))
                        .get("condition"))
                .isEqualTo("service_completed_successfully");
        Map<String, Object> loader = service("fhir-loader");
        assertThat(loader.get("restart")).isEqualTo("no");
        String command = String.join(" ", strings(loader.get("command")));
        assertThat(command)
                .as("the loader posts every demo patient and fails on the first that does not load")
                .contains("for f in /demo/*.json")
                .contains("http://fhir:8080/fhir || exit 1")
                .containsPattern("exit 1; fi; sleep 5; done");
        assertThat(strings(loader.get("volumes"))).contains("./demo-patients:/demo:ro");
    }

    /**
     * The walk-through in docs/operations.md as a reader types it: compose interpolates the whole file for every
     * command ({@code ps}, {@code exec}, {@code down} too), so each required variable must be exported before the
     * first {@code docker compose}, not set on the {@code up} line alone; the first call waits until the service
     * answers; the ports are the variables compose publishes, with its defaults.
     */
    @Test
    void theComposeWalkThroughExportsWhatComposeRequiresAndWaitsBeforeItsFirstCall() throws IOException {
        String walkThrough = walkThrough();
        List<String> lines = walkThrough.lines().map(String::strip).toList();
        int firstCompose = indexOf(lines, l -> l.startsWith("docker compose "));
        assertThat(firstCompose).as("a docker compose command").isNotNegative();

        Matcher required = Pattern.compile("\\$\\{([A-Z_]+):?\\?").matcher(Files.readString(COMPOSE));
        List<String> requiredVariables = new ArrayList<>();
        while (required.find()) {
            requiredVariables.add(required.group(1));
        }
        assertThat(requiredVariables).contains("OMBC_ADMIN_TOKEN");
        for (String variable : requiredVariables) {
            int export = indexOf(lines, l -> l.matches("export (.* )?" + variable + "=\\S+.*"));
            assertThat(export)
                    .as("%s exported before the first docker compose command", variable)
                    .isNotNegative()
                    .isLessThan(firstCompose);
        }
        assertThat(lines)
                .as("no variable set for one compose command only")
                .noneMatch(l -> l.matches("[A-Z_]+=\\S+ docker compose.*"));

        int wait = indexOf(lines, l -> l.contains("curl -fsS \"http://localhost:$MANAGEMENT_PORT/actuator/health\""));
        int firstCall = indexOf(lines, l -> l.contains("/cds-services/ombc-patient-view\""));
        assertThat(wait).as("a wait on the health endpoint").isGreaterThan(firstCompose);
        assertThat(lines.get(wait - 1)).as("the wait is a bounded loop").startsWith("for i in $(seq ");
        assertThat(lines.get(wait)).contains("&& break");
        assertThat(firstCall).as("the first call comes after the wait").isGreaterThan(wait);

        int ports = indexOf(lines, l -> l.startsWith("export PORT="));
        assertThat(ports).isNotNegative().isLessThan(firstCompose);
        assertThat(lines.get(ports))
                .contains("PORT=8080")
                .contains("MANAGEMENT_PORT=8081")
                .contains("FHIR_PORT=8090");
        assertThat(walkThrough)
                .as("ports as parameters")
                .doesNotContain("localhost:8080")
                .doesNotContain("localhost:8081");
        assertThat(walkThrough).contains("docker compose ps").contains("docker compose down");
    }

    /** The first bash block after "Walk-through" in docs/operations.md. */
    private static String walkThrough() throws IOException {
        String operations = Files.readString(Path.of("docs/operations.md"));
        int heading = operations.indexOf("Walk-through (secured, end to end)");
        assertThat(heading)
                .as("docs/operations.md has the compose walk-through")
                .isNotNegative();
        int start = operations.indexOf("```bash\n", heading);
        int end = operations.indexOf("\n```", start + 1);
        assertThat(start).isPositive();
        return operations.substring(start + "```bash\n".length(), end);
    }

    private static int indexOf(List<String> lines, java.util.function.Predicate<String> test) {
        for (int i = 0; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Compose's {@code ${NAME:-default}} (nested too) and {@code ${NAME}}, from the given environment. */
    private static String interpolate(String value, Map<String, String> environment) {
        Pattern innermost = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^{}]*))?\\}");
        String out = value;
        for (Matcher m = innermost.matcher(out); m.find(); m = innermost.matcher(out)) {
            String set = environment.get(m.group(1));
            String replacement = set != null && !set.isEmpty() ? set : m.group(2) == null ? "" : m.group(2);
            out = out.substring(0, m.start()) + replacement + out.substring(m.end());
        }
        return out;
    }

    @Test
    void theBuildContextLeavesOutHistoryBuildOutputAndData() throws IOException {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore"));
        assertThat(ignored).contains(".git", "target/", "data/");
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(Files.readString(DOCKERFILE));
        while (copy.find()) {
            assertThat(Path.of(copy.group(1)))
                    .as("build input " + copy.group(1))
                    .exists();
        }
    }

    private static boolean binds(String environmentVariable) {
        List<String> parts =
                Arrays.asList(environmentVariable.toLowerCase(Locale.ROOT).split("_"));
        for (int k = 1; k <= parts.size(); k++) {
            JsonNode property = boundProperties.get(String.join(".", parts.subList(0, k)));
            if (property == null) {
                continue;
            }
            if (k == parts.size()) {
                return true;
            }
            String type = property.path("type").asText();
            if (type.startsWith("java.util.Map<")) {
                return true;
            }
            if (type.startsWith("java.util.List<") && parts.get(k).matches("\\d+") && k + 1 < parts.size()) {
                String rest = String.join("", parts.subList(k + 1, parts.size()));
                return elementProperties(type.substring("java.util.List<".length(), type.length() - 1))
                        .contains(rest);
            }
        }
        return false;
    }

    /** Canonical (lower-case, no dashes) names of a list element's properties. */
    private static Set<String> elementProperties(String className) {
        try {
            Class<?> type = Class.forName(className);
            if (type.isRecord()) {
                return Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getName)
                        .map(n -> n.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet());
            }
            return Set.of();
        } catch (ClassNotFoundException e) {
            return Set.of();
        }
    }

    private static String canonical(String property) {
        return property.replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static Set<String> programs(Map<String, Object> service) {
        String image = (String) service.get("image");
        return PROGRAMS.entrySet().stream()
                .filter(e -> image.startsWith(e.getKey() + ":"))
                .findFirst()
                .map(Map.Entry::getValue)
                .orElseThrow(() -> new AssertionError("unknown image " + image));
    }

    private static String volumeAt(Map<String, Object> service, String dir) {
        for (String volume : strings(service.get("volumes"))) {
            String[] parts = volume.split(":", -1);
            if (parts.length >= 2 && parts[1].equals(dir) && !parts[0].startsWith(".")) {
                return parts[0];
            }
        }
        return null;
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        return ((List<Object>) value).stream().map(String::valueOf).toList();
    }
}
