package org.ombc.cds.ops;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
        for (URL url : Collections.list(DockerComposeStructureTest.class.getClassLoader()
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
        assertThat(service("ombc-cds").get("image")).as("our image is tagged with the pom version")
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
        assertThat(dockerfile).contains("apt-get install -y --no-install-recommends curl")
                .contains("HEALTHCHECK").contains("http://localhost:8081/actuator/health");
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
        Matcher copy = Pattern.compile("(?m)^COPY --from=build /layers/([\\w-]+)/ /app/$").matcher(dockerfile);
        while (copy.find()) {
            copied.add(copy.group(1));
        }
        assertThat(copied).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies",
                "application");
        assertThat(dockerfile).doesNotContain("COPY --from=build /src/target/ombc-cds.jar")
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
            assertThat(programs(service)).as(name + " has no health check although its image could run one")
                    .isEmpty();
            List<String> waiters = services.entrySet().stream()
                    .filter(e -> map(e.getValue().get("depends_on")) != null
                            && map(e.getValue().get("depends_on")).containsKey(name))
                    .filter(e -> String.join(" ", strings(e.getValue().get("command"))).matches(
                            "(?s).*until curl [^;]*http://" + name + ":8080/fhir/metadata.*"))
                    .map(Map.Entry::getKey).toList();
            assertThat(waiters).as("a container that retries " + name + " until it answers").isNotEmpty();
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
                    case "service_healthy" -> assertThat(map(other.get("healthcheck")))
                            .as(name + " waits for " + target + " to be healthy").isNotNull()
                            .doesNotContainEntry("disable", true);
                    case "service_completed_successfully" -> assertThat(other.get("restart"))
                            .as(name + " waits for the one-shot " + target).isEqualTo("no");
                    case "service_started" -> { }
                    default -> throw new AssertionError("unknown condition " + condition);
                }
            });
        });
    }

    @Test
    void everyApplicationEnvironmentVariableNamesAPropertyTheApplicationBinds() {
        Map<String, Object> environment = map(service("ombc-cds").get("environment"));
        assertThat(environment).containsKeys("OMBC_PUBLICBASEURL", "SPRING_DATASOURCE_URL",
                "OMBC_SECURITY_TRUSTEDISSUERS_0_ISS", "OMBC_SECURITY_TRUSTEDISSUERS_0_JWKSFILE");
        for (String name : environment.keySet()) {
            if (name.equals(DevIssuerCommand.DIR_ENV)) {
                continue; // read by the token command, not a Spring property
            }
            assertThat(binds(name)).as(name + " is bound by the application (relaxed binding)").isTrue();
        }
        assertThat(binds("OMBC_PUBLICBASURL")).as("a typo is caught").isFalse();
        assertThat(binds("OMBC_SECURITY_TRUSTEDISSUERS_0_JWKSFIEL")).as("a typo in a list element").isFalse();
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
        List<String> ports = strings(service("ombc-cds").get("ports"));
        assertThat(ports).contains("8080:8080");
        assertThat(ports.stream().filter(p -> p.endsWith(":8081")).toList()).containsExactly("127.0.0.1:8081:8081");
    }

    @Test
    void theBuildContextLeavesOutHistoryBuildOutputAndData() throws IOException {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore"));
        assertThat(ignored).contains(".git", "target/", "data/");
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(Files.readString(DOCKERFILE));
        while (copy.find()) {
            assertThat(Path.of(copy.group(1))).as("build input " + copy.group(1)).exists();
        }
    }

    private static boolean binds(String environmentVariable) {
        List<String> parts = Arrays.asList(environmentVariable.toLowerCase(Locale.ROOT).split("_"));
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
                return elementProperties(type.substring("java.util.List<".length(), type.length() - 1)).contains(rest);
            }
        }
        return false;
    }

    /** Canonical (lower-case, no dashes) names of a list element's properties. */
    private static Set<String> elementProperties(String className) {
        try {
            Class<?> type = Class.forName(className);
            if (type.isRecord()) {
                return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                        .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
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
        return PROGRAMS.entrySet().stream().filter(e -> image.startsWith(e.getKey() + ":")).findFirst()
                .map(Map.Entry::getValue).orElseThrow(() -> new AssertionError("unknown image " + image));
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
