package org.ombc.cds.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.ombc.cds.cards.OmbcCards;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The full evidence one click from the card: a signed link that works without a token for card-memory, and is
 * the same 404 when unsigned, tampered or expired. The page names no patient and runs no markup from the data.
 */
@HttpTest
class CardPageHttpTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    DataSource dataSource;

    @Autowired
    CardLinks links;

    @Autowired
    AuditStore store;

    /** Fires the candidate hook and returns the URL of its main card's full-evidence link. */
    private URI issuePageLink() throws Exception {
        // The secret is loaded in the background at start: wait until cards carry the page link.
        JsonNode card = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> HookRequests.candidateMainCard(mvc),
                        c -> c.at("/links/0/label").asText().equals(OmbcCards.FULL_EVIDENCE_LABEL));
        JsonNode link = card.at("/links/0");
        assertThat(link.get("type").asText()).isEqualTo("absolute");
        URI url = URI.create(link.get("url").asText());
        assertThat(url.getPath()).isEqualTo("/ombc/cards/" + card.get("uuid").asText());
        assertThat(url.getQuery()).startsWith("sig=");
        assertThat(link.get("url").asText()).doesNotContain("ombc-candidate-1", "Anna", "1968");
        return url;
    }

    private MockHttpServletResponse open(String pathAndQuery) throws Exception {
        return mvc.perform(get(pathAndQuery).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
    }

    private static String pathAndQuery(URI url) {
        return url.getRawPath() + "?" + url.getRawQuery();
    }

    @Test
    void theSignedLinkOpensTheFullEvidenceWithoutAToken() throws Exception {
        URI url = issuePageLink();
        // Opened the moment the hook has answered, while its audit row may still wait for its batch.
        MockHttpServletResponse page = open(pathAndQuery(url));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentType()).startsWith("text/html");
        String html = page.getContentAsString();
        assertThat(html)
                .contains(
                        "How this was decided",
                        "Facts used",
                        "metachronous oligorecurrence",
                        "SABR-COMET",
                        "Trovo",
                        "Knowledge version",
                        "<table>",
                        "rel=\"noopener noreferrer\"",
                        "doi.org/10.1200/JCO.20.00818");
        assertThat(html).doesNotContain("ombc-candidate-1", "Anna", "1968-04-12", "Condition/", "met-bone-1");
        assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.getHeader("Cache-Control")).contains("no-store");
    }

    @Test
    void unsignedTamperedAndExpiredLinksAreNotFound() throws Exception {
        URI url = issuePageLink();
        String path = url.getRawPath();
        String sig = url.getRawQuery().substring("sig=".length());
        String uuid = path.substring(path.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> open(pathAndQuery(url)).getStatus() == 200);

        assertThat(open(path).getStatus()).as("unsigned").isEqualTo(404);
        assertThat(open(path + "?sig=").getStatus()).as("empty signature").isEqualTo(404);
        String flipped = (sig.charAt(0) == 'A' ? 'B' : 'A') + sig.substring(1);
        assertThat(open(path + "?sig=" + flipped).getStatus())
                .as("tampered signature")
                .isEqualTo(404);
        String otherUuid = UUID.randomUUID().toString();
        assertThat(open("/ombc/cards/" + otherUuid + "?sig=" + sig).getStatus())
                .as("signature of another card")
                .isEqualTo(404);
        assertThat(open("/ombc/cards/" + otherUuid + "?sig="
                                + links.sign(otherUuid).orElseThrow())
                        .getStatus())
                .as("signed, but no such card")
                .isEqualTo(404);

        // Older than ombc.audit.card-memory (24 h): expired.
        new JdbcTemplate(dataSource)
                .update(
                        "update hook_call set called_at = ? where id = (select hook_call_id from"
                                + " issued_card where uuid = ?)",
                        java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(25))),
                        uuid);
        MockHttpServletResponse expired = open(pathAndQuery(url));
        assertThat(expired.getStatus()).as("expired").isEqualTo(404);
        assertThat(expired.getContentAsString()).doesNotContain("SABR");
    }

    @Test
    void theSameChartTwiceGivesTwoCardsWithTheirOwnLinksAndOneAssessmentStored() throws Exception {
        URI first = issuePageLink();
        URI second = issuePageLink();
        assertThat(second.getPath()).as("a card of its own").isNotEqualTo(first.getPath());
        String firstPage = await().atMost(Duration.ofSeconds(20))
                .until(() -> open(pathAndQuery(first)), r -> r.getStatus() == 200)
                .getContentAsString();
        String secondPage = await().atMost(Duration.ofSeconds(20))
                .until(() -> open(pathAndQuery(second)), r -> r.getStatus() == 200)
                .getContentAsString();
        // The same page; only the footer differs (each card's own issue time and expiry).
        assertThat(secondPage.substring(0, secondPage.indexOf("<footer>")))
                .isEqualTo(firstPage.substring(0, firstPage.indexOf("<footer>")))
                .contains("How this was decided");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String firstUuid = first.getPath().substring(first.getPath().lastIndexOf('/') + 1);
        String secondUuid = second.getPath().substring(second.getPath().lastIndexOf('/') + 1);
        assertThat(jdbc.queryForList(
                        "select assessment_hash from issued_card where uuid in (?, ?)",
                        String.class,
                        firstUuid,
                        secondUuid))
                .hasSize(2)
                .doesNotContainNull()
                .containsOnly(jdbc.queryForObject(
                        "select assessment_hash from issued_card where uuid = ?", String.class, firstUuid));
        assertThat(jdbc.queryForObject(
                        "select count(*) from card_assessment a join issued_card i on"
                                + " i.assessment_hash = a.assessment_hash where i.uuid = ?",
                        Integer.class,
                        firstUuid))
                .as("the assessment stored once")
                .isOne();
        assertThat(jdbc.queryForList(
                        "select page_hash from issued_card where uuid in (?, ?)", String.class, firstUuid, secondUuid))
                .as("no page text stored")
                .containsOnlyNulls();
    }

    @Test
    void aPageStoredWithItsCardBeforeVersion6IsStillServed() throws Exception {
        URI url = issuePageLink();
        String uuid = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> open(pathAndQuery(url)).getStatus() == 200);
        new JdbcTemplate(dataSource)
                .update(
                        "update issued_card set full_detail = ?, assessment_hash = null" + " where uuid = ?",
                        "# Kept with the card\n\nas before V6\n",
                        uuid);
        assertThat(open(pathAndQuery(url)).getContentAsString()).contains("Kept with the card");
    }

    @Test
    void aPageStoredOnceBeforeVersion7IsStillServed() throws Exception {
        URI url = issuePageLink();
        String uuid = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
        assertThat(open(pathAndQuery(url)).getStatus()).isEqualTo(200);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String hash = "f".repeat(63) + "1";
        jdbc.update(
                "insert into card_page (page_hash, full_detail) values (?, ?)", hash, "# Stored once\n\nas in V6\n");
        jdbc.update("update issued_card set page_hash = ?, assessment_hash = null where uuid = ?", hash, uuid);
        assertThat(open(pathAndQuery(url)).getContentAsString())
                .contains("Stored once")
                .doesNotContain("SABR");
    }

    @Test
    void markupInTheStoredTextIsShownAsTextNeverRun() throws Exception {
        String uuid = UUID.randomUUID().toString();
        store.recordCall(new HookCallRow(
                Instant.now(),
                "ombc-patient-view",
                UUID.randomUUID().toString(),
                "0".repeat(64),
                null,
                "2026.11.0",
                "yes",
                null,
                null,
                List.of(),
                List.of(),
                1,
                List.of(new IssuedCard(uuid, "ombc-patient-view", "s", "info", List.of(), List.of(), List.of()))));
        // A page stored as text (before V7): the stored markdown is data, never markup.
        new JdbcTemplate(dataSource).update("update issued_card set full_detail = ? where uuid = ?", """
                # Page

                <script>window.x=1</script>

                Text <img src=x onerror=alert(1)>

                [click](javascript:alert%281%29) **bold**
                """, uuid);
        String html = open("/ombc/cards/" + uuid + "?sig=" + links.sign(uuid).orElseThrow())
                .getContentAsString();
        assertThat(html)
                .contains("&lt;script&gt;", "&lt;img", "<strong>bold</strong>")
                .doesNotContain("<script", "<img", "javascript:");
    }
}
