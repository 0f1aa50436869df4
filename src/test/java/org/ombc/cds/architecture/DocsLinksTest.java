package org.ombc.cds.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README is a short page that sends the reader on to {@code docs/}: a link that leads nowhere, or to a section that
 * was renamed, loses the reader at the first step. Every relative link (and image) in README.md and docs/*.md must
 * name a file of the repository and, where it names a section ({@code #anchor}), a heading of that file, by the
 * anchors the forge makes from headings.
 */
class DocsLinksTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    /** {@code [text](target)} and {@code ![alt](target)}; an optional title after the target is ignored. */
    private static final Pattern LINK =
            Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

    private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*```.*?^\\s*```\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`\\n]*`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    @Test
    void everyRelativeLinkInReadmeAndDocsNamesAFileAndSectionThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path file : documents()) {
            List<String> targets = relativeTargets(Files.readString(file));
            links += targets.size();
            broken.addAll(brokenLinks(file, targets));
        }
        assertThat(links).as("relative links checked").isGreaterThan(20);
        assertThat(broken).as("links to a missing file or section").isEmpty();
    }

    @Test
    void readmeLeadsToEveryPageOfDocs() throws IOException {
        List<String> fromReadme = relativeTargets(Files.readString(ROOT.resolve("README.md"))).stream()
                .map(t -> t.split("#", 2)[0])
                .toList();
        try (Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
            pages.filter(p -> p.toString().endsWith(".md"))
                    .map(p -> "docs/" + p.getFileName())
                    .forEach(page ->
                            assertThat(fromReadme).as("README links %s", page).contains(page));
        }
    }

    @Test
    void aLinkToAMissingFileOrHeadingIsReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other.md"), "# Other\n\n## Path rules (Spring Security)\n");
        Path page = dir.resolve("page.md");
        String markdown = """
                # Page

                ## Same page

                [ok](other.md#path-rules-spring-security), [ok](#same-page), [ok](https://example.org/x.md),
                `[code](missing-in-code-span.md)`, [missing](missing.md), [no heading](other.md#path-rules),
                ![missing picture](nowhere.png), [missing here](#nothing)

                ```
                [in a code block](also-missing.md)
                ```
                """;
        Files.writeString(page, markdown);

        assertThat(brokenLinks(page, relativeTargets(markdown)))
                .containsExactlyInAnyOrder(
                        "page.md: missing.md",
                        "page.md: other.md#path-rules",
                        "page.md: nowhere.png",
                        "page.md: #nothing");
    }

    private static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
            pages.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    /** Link targets outside code, without those that name a scheme (https:, mailto:). */
    static List<String> relativeTargets(String markdown) {
        String prose = CODE_SPAN.matcher(FENCE.matcher(markdown).replaceAll("")).replaceAll("");
        List<String> targets = new ArrayList<>();
        Matcher link = LINK.matcher(prose);
        while (link.find()) {
            String target = link.group(1);
            if (!target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                targets.add(target);
            }
        }
        return targets;
    }

    /** Each target of {@code file} that names no file, or no heading of the file it names, as "file: target". */
    static List<String> brokenLinks(Path file, List<String> targets) throws IOException {
        List<String> broken = new ArrayList<>();
        for (String target : targets) {
            String[] parts = target.split("#", 2);
            Path linked = parts[0].isEmpty()
                    ? file
                    : file.getParent().resolve(parts[0]).normalize();
            boolean exists = Files.exists(linked);
            if (exists && parts.length == 2 && linked.toString().endsWith(".md")) {
                exists = anchors(Files.readString(linked)).contains(parts[1]);
            }
            if (!exists) {
                broken.add(file.getFileName() + ": " + target);
            }
        }
        return broken;
    }

    /**
     * The anchors the forge gives a file's headings: lower case, punctuation dropped, spaces as hyphens, and a
     * repeated heading numbered ({@code -1}, {@code -2}).
     */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher heading = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
        while (heading.find()) {
            String slug = heading.group(1)
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        return anchors;
    }
}
