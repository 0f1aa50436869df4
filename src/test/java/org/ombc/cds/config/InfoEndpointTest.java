package org.ombc.cds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** An operator asks a running instance what it is: which build, which commit, which clinical knowledge. */
@HttpTest
class InfoEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    private JsonNode info() throws Exception {
        return JSON.readTree(mvc.perform(get("/actuator/info"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void infoNamesTheBuildVersionOfThePom() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>ombc-cds</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(version.find()).isTrue();
        assertThat(info().at("/build/version").asText()).isEqualTo(version.group(1));
        assertThat(info().at("/build/artifact").asText()).isEqualTo("ombc-cds");
    }

    @Test
    void infoNamesTheKnowledgeVersionOfTheLoadedCodeSystem() throws Exception {
        JsonNode codeSystem = JSON.readTree(
                Path.of("fhir-profiles/codesystems/CodeSystem-ombc.json").toFile());
        assertThat(info().at("/knowledge/version").asText())
                .isNotBlank()
                .isEqualTo(codeSystem.get("version").asText());
    }

    @Test
    void infoNamesTheGitCommitTheBuildCameFrom() throws Exception {
        Path dotGit = Path.of(".git");
        if (!Files.exists(dotGit)) {
            // A source tree without git history (the Docker build context) builds without a commit.
            assertThat(info().has("git")).isFalse();
            return;
        }
        JsonNode git = info().get("git");
        String commit = git.at("/commit/id/full").asText();
        assertThat(commit).as(git.toString()).matches("[0-9a-f]{40}");
        if (Files.isDirectory(dotGit)) {
            // A plain clone, as CI makes it. (In a linked worktree the plugin reads the main worktree's HEAD:
            // git-commit-id-maven-plugin issue 882.)
            Process revParse = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .redirectErrorStream(true)
                    .start();
            assertThat(revParse.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(commit)
                    .isEqualTo(new String(
                                    revParse.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                            .trim());
        }
    }
}
