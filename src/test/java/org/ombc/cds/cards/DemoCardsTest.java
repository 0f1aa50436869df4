package org.ombc.cds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombc.cds.apps.sandbox.DemoPatient;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.apps.sandbox.VignetteCatalogue;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.Evidence;
import org.ombc.cds.logic.Trial;
import org.ombc.cds.protocol.json.CdsHooksModel.Card;
import org.ombc.cds.support.Vignettes;

/**
 * The cards of every demo patient, read as a clinician reads them: short, in plain words, each source once, and
 * every link pointing where its label says.
 */
class DemoCardsTest {

    private static final List<DemoPatient> DEMOS = VignetteCatalogue.cases();
    private static final OmbcCards CARDS = new OmbcCards(
            Vignettes.FHIR,
            new ObjectMapper(),
            Vignettes.TERMINOLOGY,
            "ombc-cds",
            uuid -> Optional.of("https://cds.example/ombc/cards/" + uuid + "?sig=x"));
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final Pattern RAW_LINK = Pattern.compile("\\[[^\\]]*\\]\\(");

    /** Every place a link may point to, by the name a card gives it. */
    private static final Map<String, String> TARGETS = new HashMap<>();

    static {
        for (Evidence e : Evidence.values()) {
            TARGETS.put(CardKnowledge.shortName(e), e.url());
            TARGETS.put(e.citation(), e.url());
        }
        // Trials are data (fhir-profiles/researchstudies): every trial any demo patient matches.
        demoCards().forEach(i -> {
            for (Trial t : i.assessment().trials()) {
                TARGETS.put(t.displayName(), t.url());
                TARGETS.put(t.displayName() + " " + t.nct(), t.url());
            }
        });
    }

    record Issued(DemoPatient demo, Assessment assessment, List<Card> cards) {
        @Override
        public String toString() {
            return demo.id();
        }
    }

    static Stream<Issued> demoCards() {
        return DEMOS.stream().map(d -> {
            Assessment a = Vignettes.assess(PatientBundle.bundleOf(d.resources()));
            return new Issued(d, a, CARDS.cards(a, d.id(), List.of()));
        });
    }

    static Stream<Issued> mainCards() {
        return demoCards()
                .filter(i -> i.assessment().breastCancer() && i.assessment().metastatic());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoCards")
    void everyCardIsShortAndWrittenForAClinician(Issued issued) {
        for (Card card : issued.cards()) {
            assertThat(card.summary().length())
                    .as("summary: %s", card.summary())
                    .isLessThan(140);
            assertThat(card.detail().length())
                    .as("detail of %s:%n%s", card.summary(), card.detail())
                    .isLessThanOrEqualTo(CardDetail.LIMIT);
            StringBuilder text = new StringBuilder(card.summary()).append('\n').append(card.detail());
            if (card.suggestions() != null) {
                card.suggestions().forEach(s -> text.append('\n').append(s.label()));
            }
            if (card.overrideReasons() != null) {
                card.overrideReasons().forEach(r -> text.append('\n').append(r.display()));
            }
            if (card.links() != null) {
                card.links().forEach(l -> text.append('\n').append(l.label()));
            }
            assertThat(text.toString())
                    .doesNotContain(
                            "clinical-rules",
                            "Condition/",
                            "Observation/",
                            "§",
                            "Rule:",
                            "LOINC",
                            "fhir-profiles",
                            issued.demo().id(),
                            "er-status",
                            "mdt-discussion");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mainCards")
    void eachSourceIsLinkedOnceAndEveryLinkPointsWhereItsLabelSays(Issued issued) {
        String detail = issued.cards().get(0).detail();
        List<Link> links = links(detail);
        Matcher raw = RAW_LINK.matcher(detail);
        int written = 0;
        while (raw.find()) {
            written++;
        }
        assertThat(links).as("links a CommonMark parser finds in%n%s", detail).hasSize(written);
        List<String> urls = new ArrayList<>();
        for (Link link : links) {
            String url = link.getDestination();
            assertThat(url).as("link target").startsWith("https://").doesNotContain("(", ")", " ");
            URI.create(url);
            String label = text(link);
            assertThat(TARGETS).as("a known source named '%s'", label).containsKey(label);
            assertThat(URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8))
                    .as("target of '%s'", label)
                    .isEqualTo(URLDecoder.decode(TARGETS.get(label).replace("+", "%2B"), StandardCharsets.UTF_8));
            urls.add(url);
        }
        assertThat(urls).as("each source once").doesNotHaveDuplicates();
    }

    @Test
    void theFullEvidencePageLinksAreWellFormedToo() {
        mainCards().forEach(issued -> {
            String page = OmbcCards.fullDetail(issued.assessment());
            for (Link link : links(page)) {
                assertThat(link.getDestination()).doesNotContain("(", ")");
                assertThat(TARGETS.values())
                        .contains(link.getDestination().replace("%28", "(").replace("%29", ")"));
            }
            assertThat(page)
                    .doesNotContain(
                            "Condition/", issued.demo().id(), issued.demo().name());
        });
    }

    /** Every demo patient's summary is read whole: under 140 characters, never clipped (outside review). */
    @Test
    void everySummaryFitsWithoutBeingClipped() {
        mainCards().forEach(i -> assertThat(i.cards().get(0).summary())
                .as(i.demo().id())
                .hasSizeLessThan(140)
                .doesNotEndWith("…"));
    }

    @Test
    void theCardSaysWhatDiffersBetweenStates() {
        Map<String, Card> byId = new HashMap<>();
        mainCards().forEach(i -> byId.put(i.demo().id(), i.cards().get(0)));
        assertThat(byId.get("demo-induced-progression").summary()).contains("Induced", "low chance of cure");
        assertThat(byId.get("demo-metachronous-recurrence").summary()).contains("curative-intent");
        assertThat(byId.get("demo-sync-luminal-bone").detail())
                .contains("2 bone lesions since Feb 2024")
                .doesNotContain("disease-free interval");
        assertThat(byId.get("demo-metachronous-recurrence").detail()).contains("disease-free interval 65 months");
        // Evidence only for the patient's own sites: a bone-only patient sees no liver, lung or brain surgery.
        assertThat(byId.get("demo-sync-luminal-bone").detail()).doesNotContain("Yoo", "Yoshimoto", "Patchell");
        assertThat(OmbcCards.fullDetail(mainCards()
                        .filter(i -> i.demo().id().equals("demo-sync-luminal-bone"))
                        .findFirst()
                        .orElseThrow()
                        .assessment()))
                .doesNotContain("Yoo", "Yoshimoto", "Patchell", "Dürr");
    }

    /** Clinical-rules 8: "2019" is the whole year; a card must not show it as 1 January. */
    @Test
    void aDateKnownToTheYearIsShownAsTheYear() {
        Assessment a = Vignettes.assess(
                PatientBundle.patient("year-only").primary("2015").boneLesions(2, "2019"));
        Card main = CARDS.cards(a, "year-only", List.of()).get(0);
        assertThat(main.detail()).contains("2 bone lesions since 2019").doesNotContain("Jan 2019");
        assertThat(OmbcCards.fullDetail(a))
                .contains("| bone | 1 | 2019 |", "diagnosed 2015")
                .doesNotContain("2019-01-01", "2015-01-01", "Rule:", "clinical-rules 6");
    }

    /** An open timing is named as such, not as a missing disease status (a patient on no therapy has none). */
    @Test
    void anUndeterminedStateSaysWhichDatesAreTooImprecise() {
        Assessment a = Vignettes.assess(PatientBundle.patient("year-primary")
                .primary("2019")
                .luminal("2019-10-01")
                .imaging("2019-09-20")
                .boneLesions(2, "2019-09-15"));
        assertThat(a.estroEortcState()).isNull();
        assertThat(CARDS.cards(a, "year-primary", List.of()).get(0).detail())
                .contains("state undetermined", "dates are too imprecise")
                .doesNotContain("progression or stable disease");
    }

    @Test
    void overrideReasonsFitWhatTheCardProposes() {
        mainCards().forEach(i -> {
            List<String> codes = i.cards().get(0).overrideReasons().stream()
                    .map(r -> r.code())
                    .toList();
            assertThat(codes).contains("disagree-with-classification");
            if (i.assessment().recommendations().isEmpty()) {
                assertThat(codes).as(i.demo().id()).containsExactly("disagree-with-classification");
            }
        });
        Card poly = mainCards()
                .filter(i -> i.demo().id().equals("demo-polymetastatic"))
                .findFirst()
                .orElseThrow()
                .cards()
                .get(0);
        assertThat(poly.overrideReasons()).noneMatch(r -> r.code().equals("not-fit-for-local-therapy"));
        assertThat(poly.links()).singleElement().satisfies(l -> {
            assertThat(l.type()).isEqualTo("absolute");
            assertThat(l.url()).startsWith("https://cds.example/ombc/cards/" + poly.uuid() + "?sig=");
        });
    }

    private static List<Link> links(String markdown) {
        List<Link> links = new ArrayList<>();
        Node document = MARKDOWN.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link);
            }
        });
        return links;
    }

    private static String text(Link link) {
        StringBuilder out = new StringBuilder();
        for (Node n = link.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                out.append(t.getLiteral());
            }
        }
        return out.toString();
    }
}
