package org.ombc.cds.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ombc.cds.cards.OmbcCards;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The rules a card applied, one click from the card: the main card links the served clinical rules of this build
 * (docs/clinical-rules.md), readable in a browser without a token, in the knowledge version that decided it.
 */
@HttpTest
class RulesPageHttpTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Terminology terminology;

    @Test
    void theMainCardLinksTheRulesItAppliedAndThePageShowsThem() throws Exception {
        JsonNode card = HookRequests.candidateMainCard(mvc);
        List<JsonNode> rules = new ArrayList<>();
        card.get("links").forEach(l -> {
            if (l.get("label").asText().equals(OmbcCards.RULES_LABEL)) {
                rules.add(l);
            }
        });
        assertThat(rules).as("links of %s", card.get("links")).singleElement().satisfies(link -> {
            assertThat(link.get("type").asText()).isEqualTo("absolute");
            assertThat(link.get("url").asText()).startsWith("http").endsWith("/ombc/rules");
        });
        assertThat(card.get("links")).as("a card keeps few links").hasSizeLessThanOrEqualTo(3);

        URI url = URI.create(rules.get(0).get("url").asText());
        MockHttpServletResponse page = mvc.perform(get(url.getRawPath()).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentType()).startsWith("text/html");
        String html = page.getContentAsString();
        assertThat(html)
                .contains(
                        "Clinical rules of ombc-cds",
                        "Knowledge version " + terminology.knowledgeVersion(),
                        "<code>regional-curative-treatment</code>",
                        "<table>",
                        "rel=\"noopener noreferrer\"");
        // A link to another file of the repository leads nowhere on the served page: its text stays.
        assertThat(html).contains("clinical-decisions.md").doesNotContain("href=\"clinical-decisions.md\"");
        assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
