package org.ombc.cds.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.ombc.cds.audit.FeedbackStore;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.HttpTest;
import org.ombc.cds.support.SwitchableDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Feedback as an EHR posts it, and the audit and governance views that read it back. */
@HttpTest
class FeedbackHttpTest {

    private static final String FEEDBACK = "/cds-services/ombc-patient-view/feedback";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Autowired
    org.ombc.cds.storage.GroupCommitWriter<?> auditWriter;

    /** Fires the candidate hook and returns its main card. */
    private JsonNode issueCard() throws Exception {
        return HookRequests.candidateMainCard(mvc);
    }

    private ResultActions postFeedback(String items) throws Exception {
        return mvc.perform(
                post(FEEDBACK).contentType(MediaType.APPLICATION_JSON).content("{\"feedback\":[" + items + "]}"));
    }

    private static String accepted(JsonNode card, String timestamp) {
        return "{\"card\":\"" + card.get("uuid").asText()
                + "\",\"outcome\":\"accepted\",\"acceptedSuggestions\":[{\"id\":\""
                + card.at("/suggestions/0/uuid").asText() + "\"}],\"outcomeTimestamp\":\"" + timestamp + "\"}";
    }

    private static String overridden(JsonNode card, String code, String comment) {
        String reason = code == null
                ? ""
                : "\"reason\":{\"system\":\"http://ombc-cds.org/fhir/CodeSystem/ombc\",\"code\":\"" + code
                        + "\",\"display\":\"x\"}" + (comment == null ? "" : ",");
        String userComment = comment == null ? "" : "\"userComment\":\"" + comment + "\"";
        return "{\"card\":\"" + card.get("uuid").asText() + "\",\"outcome\":\"overridden\",\"overrideReason\":{"
                + reason + userComment + "},\"outcomeTimestamp\":\"2026-11-26T10:00:00Z\"}";
    }

    @Test
    void acceptedAndOverriddenFeedbackIsStoredOnceAndReadBack() throws Exception {
        JsonNode first = issueCard();
        JsonNode second = issueCard();
        postFeedback(accepted(first, "2026-11-26T09:00:00+01:00") + ","
                        + overridden(second, "patient-preference", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(2));
        postFeedback(accepted(first, "2026-11-26T09:00:00+01:00"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(0))
                .andExpect(jsonPath("$.duplicates").value(1));

        String list = mvc.perform(get("/ombc/feedback"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list)
                .contains(
                        first.get("uuid").asText(),
                        "\"outcome\":\"accepted\"",
                        "2026-11-26T08:00:00Z",
                        "\"code\":\"patient-preference\"");
        assertThat(json.readTree(list).get("feedback").findValues("card").stream()
                        .filter(c -> c.asText().equals(first.get("uuid").asText())))
                .hasSize(1);
    }

    @Test
    void theSummaryCountsCardsAcceptedAndOverriddenPerRecommendation() throws Exception {
        // Cards issued by earlier tests may still be on their way to the audit: count from when they are written.
        await().atMost(Duration.ofSeconds(10)).until(() -> auditWriter.unwritten() == 0);
        Map<String, Long> before = summaryOf("sabr");
        JsonNode a = issueCard();
        JsonNode b = issueCard();
        JsonNode c = issueCard();
        postFeedback(accepted(a, "2026-11-26T09:00:00Z") + "," + overridden(b, "not-fit-for-local-therapy", null) + ","
                        + overridden(c, null, "Discussed by phone"))
                .andExpect(status().isOk());
        // The same override sent again with a comment: still one card overridden for that reason.
        postFeedback(overridden(b, "not-fit-for-local-therapy", "Sent again")
                        .replace("2026-11-26T10:00:00Z", "2026-11-26T10:05:00Z"))
                .andExpect(status().isOk());
        // The audit is written in the background: wait for the three cards to be counted.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Long> after = summaryOf("sabr");
            assertThat(after.get("cardsShown") - before.get("cardsShown")).isEqualTo(3);
            assertThat(after.get("accepted") - before.get("accepted")).isEqualTo(1);
            assertThat(after.get("overridden") - before.get("overridden")).isEqualTo(2);
            assertThat(after.get("not-fit-for-local-therapy") - before.get("not-fit-for-local-therapy"))
                    .isEqualTo(1);
            assertThat(after.get("comment-only") - before.get("comment-only")).isEqualTo(1);
        });
    }

    @Test
    void theSameFeedbackSentManyTimesAtOnceIsStoredOnceAndNeverA503() throws Exception {
        JsonNode card = issueCard();
        String body = accepted(card, "2026-11-26T09:30:00Z");
        int senders = 12;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(senders);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(senders);
        try {
            List<java.util.concurrent.Future<org.springframework.mock.web.MockHttpServletResponse>> answers =
                    new java.util.ArrayList<>();
            for (int i = 0; i < senders; i++) {
                answers.add(pool.submit(() -> {
                    together.await();
                    return postFeedback(body).andReturn().getResponse();
                }));
            }
            int stored = 0;
            for (var answer : answers) {
                var response = answer.get();
                assertThat(response.getStatus())
                        .as(response.getContentAsString())
                        .isEqualTo(200);
                stored += json.readTree(response.getContentAsString())
                        .get("stored")
                        .asInt();
            }
            assertThat(stored)
                    .as("one of the twelve stores it, the others are duplicates")
                    .isOne();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void feedbackOnACardWithNoRecommendationIsInTheSummary() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> auditWriter.unwritten() == 0);
        Map<String, Long> before = summaryOf(FeedbackStore.NO_RECOMMENDATION);
        ObjectNode request = HookRequests.load("polymetastatic");
        request.put("hookInstance", java.util.UUID.randomUUID().toString());
        JsonNode card = json.readTree(mvc.perform(post("/cds-services/ombc-patient-view")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(HookRequests.text(request)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .at("/cards/0");
        assertThat(card.get("suggestions"))
                .as("a polymetastatic card suggests nothing")
                .isNull();
        // The clinician disputes the classification: the one reason this card offers.
        postFeedback(overridden(card, "disagree-with-classification", null)).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Long> after = summaryOf(FeedbackStore.NO_RECOMMENDATION);
            assertThat(after.get("cardsShown") - before.get("cardsShown")).isEqualTo(1);
            assertThat(after.get("overridden") - before.get("overridden")).isEqualTo(1);
            assertThat(after.get("disagree-with-classification") - before.get("disagree-with-classification"))
                    .isEqualTo(1);
        });
    }

    private Map<String, Long> summaryOf(String code) throws Exception {
        JsonNode summary = json.readTree(mvc.perform(get("/ombc/feedback/summary"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        for (JsonNode row : summary.get("recommendations")) {
            if (row.get("recommendation").asText().equals(code)) {
                return Map.of(
                        "cardsShown",
                        row.get("cardsShown").asLong(),
                        "accepted",
                        row.get("accepted").asLong(),
                        "overridden",
                        row.get("overridden").asLong(),
                        "not-fit-for-local-therapy",
                        row.at("/overrideReasons/not-fit-for-local-therapy").asLong(0),
                        "comment-only",
                        row.at("/overrideReasons/comment-only").asLong(0),
                        "disagree-with-classification",
                        row.at("/overrideReasons/disagree-with-classification").asLong(0));
            }
        }
        return Map.of(
                "cardsShown",
                0L,
                "accepted",
                0L,
                "overridden",
                0L,
                "not-fit-for-local-therapy",
                0L,
                "comment-only",
                0L,
                "disagree-with-classification",
                0L);
    }

    @Test
    void eachInvalidItemIsNamedAndNothingOfTheBatchIsStored() throws Exception {
        JsonNode card = issueCard();
        JsonNode other = issueCard();
        String wrongSuggestion = accepted(card, "2026-11-26T09:00:00Z")
                .replace(
                        card.at("/suggestions/0/uuid").asText(),
                        other.at("/suggestions/0/uuid").asText());
        postFeedback(accepted(card, "2026-11-26T11:11:11Z") + ","
                        + "{\"card\":\"00000000-0000-4000-8000-000000000000\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2026-11-26T09:00:00Z\"},"
                        + "{\"card\":\"" + card.get("uuid").asText()
                        + "\",\"outcome\":\"ignored\",\"outcomeTimestamp\":\"2026-11-26T09:00:00Z\"},"
                        + wrongSuggestion + ","
                        + overridden(card, "made-up-reason", null) + ","
                        + "{\"card\":\"" + card.get("uuid").asText()
                        + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"yesterday\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid-feedback"))
                .andExpect(jsonPath("$.problems[0]").value("feedback[1].card is not a card this service issued"))
                .andExpect(jsonPath("$.problems[1]").value("feedback[2].outcome must be 'accepted' or 'overridden'"))
                .andExpect(jsonPath("$.problems[2]")
                        .value(org.hamcrest.Matchers.startsWith("feedback[3].acceptedSuggestions id")))
                .andExpect(jsonPath("$.problems[3]")
                        .value("feedback[4].overrideReason.reason is not one of the card's override reasons"))
                .andExpect(jsonPath("$.problems[4]")
                        .value("feedback[5].outcomeTimestamp must be an ISO 8601 date-time with offset"));
        String list =
                mvc.perform(get("/ombc/feedback")).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("2026-11-26T11:11:11Z");
        postFeedback("")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'feedback' must be a non-empty array"));
    }

    @Test
    void anOutcomeDatedInTheFutureIsRefusedAndNotStored() throws Exception {
        JsonNode card = issueCard();
        postFeedback(accepted(card, "3000-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0]").value("feedback[0].outcomeTimestamp lies in the future"));
        String list =
                mvc.perform(get("/ombc/feedback")).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("3000-01-01");
    }

    @Test
    void everyHookCallIsAuditedWithoutPatientIdentifiers() throws Exception {
        JsonNode card = issueCard();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String uuid = card.get("uuid").asText();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject("select count(*) from issued_card where uuid = ?", Integer.class, uuid)
                        == 1);
        Map<String, Object> row = jdbc.queryForMap(
                "select c.* from hook_call c join issued_card i on i.hook_call_id = c.id" + " where i.uuid = ?", uuid);
        assertThat(row.get("OLIGOMETASTATIC")).isEqualTo("yes");
        assertThat(row.get("ESTRO_EORTC_STATE")).isEqualTo("metachronous-oligorecurrence");
        assertThat(row.get("RECOMMENDATIONS")).isEqualTo("clinical-trial,mdt-discussion,sabr");
        assertThat(row.get("KNOWLEDGE_VERSION")).isEqualTo("2026.12.0");
        assertThat(String.valueOf(row.get("PATIENT_HASH"))).hasSize(64).isNotEqualTo("ombc-candidate-1");
        assertThat(((Number) row.get("LATENCY_MICROS")).longValue()).isPositive();
        assertThat(row.values().toString()).doesNotContain("ombc-candidate-1", "Anna", "1968-04-12", "2019-03-05");
        assertThat(jdbc.queryForList(
                        "select code from issued_card_recommendation where card_uuid = ? order by code",
                        String.class,
                        uuid))
                .containsExactly("clinical-trial", "mdt-discussion", "sabr");
    }

    @Test
    void withTheDatabaseDownFeedbackIs503ButTheHookStillAnswers() throws Exception {
        JsonNode card = issueCard();
        SwitchableDataSource db = (SwitchableDataSource) dataSource;
        double failuresBefore = meters.counter("ombc.audit.failures").count();
        db.down(true);
        try {
            postFeedback(overridden(card, "patient-preference", null))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.error").value("storage-unavailable"));
            JsonNode answered = issueCard();
            assertThat(answered.get("indicator").asText()).isEqualTo("warning");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> meters.counter("ombc.audit.failures").count() > failuresBefore);
        } finally {
            db.down(false);
        }
        postFeedback(overridden(card, "patient-preference", null)).andExpect(status().isOk());
    }

    @Test
    void feedbackForAnotherServiceIs404() throws Exception {
        mvc.perform(post("/cds-services/other/feedback")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"feedback\":[]}"))
                .andExpect(status().isNotFound());
    }
}
