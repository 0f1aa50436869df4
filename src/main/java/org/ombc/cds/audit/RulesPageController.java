package org.ombc.cds.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.ombc.cds.web.MarkdownPage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clinical rules this build applies ({@code docs/clinical-rules.md}, generated from the rules and checked
 * against them, copied into the jar at build time), linked from every main card so that a clinician can read
 * which thresholds and rows decided it. Public like the rules themselves: no token, no patient data.
 */
@RestController
public class RulesPageController {

    /** Where the build puts the document on the classpath (pom.xml, resources). */
    static final String RESOURCE = "ombc-docs/clinical-rules.md";

    private final String html;

    public RulesPageController() {
        this.html = MarkdownPage.html(
                "ombc-cds: clinical rules applied", read(), "Decision support only: the tumour board decides.");
    }

    private static String read() {
        try (InputStream in = RulesPageController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: build with Maven, which "
                        + "copies docs/clinical-rules.md into the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(
            path = "/ombc/rules",
            produces = {MediaType.TEXT_HTML_VALUE, MediaType.ALL_VALUE})
    public ResponseEntity<String> page() {
        return ResponseEntity.ok()
                .headers(MarkdownPage::secure)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html);
    }
}
