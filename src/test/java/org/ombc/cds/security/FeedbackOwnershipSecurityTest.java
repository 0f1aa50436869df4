package org.ombc.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.RawHttp;
import org.ombc.cds.support.SecuredServer;
import org.ombc.cds.support.SecuredServerTest;
import org.ombc.cds.support.Tokens;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Feedback belongs to the caller, and a client's mistakes are 400s naming the item, never 503s. */
@SecuredServerTest
class FeedbackOwnershipSecurityTest {

    private static final String FEEDBACK = SecuredServer.SERVICE + "/feedback";

    @LocalServerPort
    int port;

    private JsonNode issueCard() throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        request.put("hookInstance", UUID.randomUUID().toString());
        RawHttp.Answer answer = RawHttp.send(
                port,
                "POST",
                SecuredServer.SERVICE,
                HookRequests.text(request),
                "Authorization: " + SecuredServer.bearer(port, SecuredServer.SERVICE));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().at("/cards/0");
    }

    private RawHttp.Answer feedback(String items, boolean asOtherIssuer) throws Exception {
        String token = asOtherIssuer
                ? "Bearer "
                        + Tokens.sign(
                                SecuredServer.OTHER_KEY,
                                JWSAlgorithm.ES256,
                                Tokens.claims(SecuredServer.OTHER_ISS, "http://localhost:" + port + FEEDBACK)
                                        .build())
                : SecuredServer.bearer(port, FEEDBACK);
        return RawHttp.send(port, "POST", FEEDBACK, "{\"feedback\":[" + items + "]}", "Authorization: " + token);
    }

    private static String overridden(JsonNode card, String timestamp, String display) {
        return "{\"card\":\"" + card.get("uuid").asText()
                + "\",\"outcome\":\"overridden\",\"overrideReason\":{\"reason\":"
                + "{\"system\":\"http://ombc-cds.org/fhir/CodeSystem/ombc\",\"code\":\"patient-preference\",\"display\":\""
                + display + "\"}},\"outcomeTimestamp\":\"" + timestamp + "\"}";
    }

    private static String accepted(JsonNode card, String timestamp, int repeats) {
        String id = "{\"id\":\"" + card.at("/suggestions/0/uuid").asText() + "\"}";
        return "{\"card\":\"" + card.get("uuid").asText() + "\",\"outcome\":\"accepted\",\"acceptedSuggestions\":["
                + String.join(",", java.util.Collections.nCopies(repeats, id)) + "],\"outcomeTimestamp\":\"" + timestamp
                + "\"}";
    }

    @Test
    void onlyTheIssuerACardWasIssuedToMaySendFeedbackOnIt() throws Exception {
        JsonNode card = issueCard();
        RawHttp.Answer other = feedback(overridden(card, "2026-11-26T10:00:00Z", "x"), true);
        assertThat(other.status()).as(other.body()).isEqualTo(403);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(other.json().path("detail").asText()).contains("feedback[0]");
        RawHttp.Answer own = feedback(overridden(card, "2026-11-26T10:00:00Z", "x"), false);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
    }

    @Test
    void aSecondDifferentOutcomeForTheSameCardInOneBatchIs400() throws Exception {
        JsonNode card = issueCard();
        RawHttp.Answer answer = feedback(
                accepted(card, "2026-11-26T10:00:00Z", 1) + "," + overridden(card, "2026-11-26T10:00:00Z", "x"), false);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("problems").get(0).asText()).startsWith("feedback[1].outcome");
    }

    @Test
    void oneOutcomePerCardPerOutcomeTimestampIsStored() throws Exception {
        JsonNode card = issueCard();
        assertThat(feedback(accepted(card, "2026-11-26T10:00:00Z", 1), false)
                        .json()
                        .path("stored")
                        .asInt())
                .isEqualTo(1);
        RawHttp.Answer again = feedback(overridden(card, "2026-11-26T10:00:00Z", "x"), false);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("stored").asInt()).isZero();
        assertThat(again.json().path("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void anOverLongDisplayIs400NamingTheItemNot503() throws Exception {
        JsonNode card = issueCard();
        RawHttp.Answer answer = feedback(overridden(card, "2026-11-26T10:00:00Z", "d".repeat(301)), false);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("problems").get(0).asText())
                .isEqualTo("feedback[0].overrideReason.reason.display is longer than 300 characters");
    }

    @Test
    void repeatedSuggestionIdsAre400NamingTheItem() throws Exception {
        JsonNode card = issueCard();
        RawHttp.Answer answer = feedback(accepted(card, "2026-11-26T10:00:00Z", 50), false);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("problems").get(0).asText())
                .startsWith("feedback[0].acceptedSuggestions id")
                .endsWith("is repeated");
    }

    @Test
    void moreItemsThanTheMaximumIs400NamingTheFirstOneOver() throws Exception {
        JsonNode card = issueCard();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            items.append(i == 0 ? "" : ",")
                    .append(overridden(card, "2026-11-26T10:00:" + String.format("%02d", i % 60) + "." + i + "Z", "x"));
        }
        RawHttp.Answer answer = feedback(items.toString(), false);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).startsWith("feedback[100]");
    }
}
