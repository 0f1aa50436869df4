package org.ombc.cds.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.UUID;

/**
 * The card rules of the CDS Hooks 2.0 specification, applied to every response a test produces: a uuid, a summary
 * under 140 characters, a known indicator, a source label, selectionBehavior with suggestions, a display on every
 * override reason, and absolute or smart links.
 */
public final class CardConformance {

    private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");
    private static final Set<String> SELECTION = Set.of("at-most-one", "any");
    private static final Set<String> LINK_TYPES = Set.of("absolute", "smart");
    private static final Set<String> ACTION_TYPES = Set.of("create", "update", "delete");

    private CardConformance() {}

    public static void assertConformant(JsonNode response) {
        assertThat(response.isObject()).as("response is a JSON object").isTrue();
        JsonNode cards = response.get("cards");
        assertThat(cards).as("cards").isNotNull();
        assertThat(cards.isArray()).as("cards is an array").isTrue();
        for (JsonNode card : cards) {
            assertCard(card);
        }
        JsonNode systemActions = response.get("systemActions");
        if (systemActions != null) {
            assertThat(systemActions.isArray()).isTrue();
            systemActions.forEach(CardConformance::assertAction);
        }
    }

    private static void assertCard(JsonNode card) {
        assertThat(card.path("uuid").isTextual()).as("card uuid present").isTrue();
        UUID.fromString(card.get("uuid").asText());
        String summary = card.path("summary").asText(null);
        assertThat(summary).as("summary").isNotBlank();
        assertThat(summary.length()).as("summary length of '%s'", summary).isLessThan(140);
        assertThat(card.path("indicator").asText()).as("indicator").isIn(INDICATORS);
        assertThat(card.path("source").path("label").asText(null))
                .as("source.label")
                .isNotBlank();
        if (card.has("detail")) {
            assertThat(card.get("detail").isTextual())
                    .as("detail is markdown text")
                    .isTrue();
        }
        JsonNode suggestions = card.get("suggestions");
        if (suggestions != null && suggestions.size() > 0) {
            assertThat(card.path("selectionBehavior").asText(null))
                    .as("selectionBehavior with suggestions")
                    .isIn(SELECTION);
            for (JsonNode suggestion : suggestions) {
                assertThat(suggestion.path("label").asText(null))
                        .as("suggestion label")
                        .isNotBlank();
                UUID.fromString(suggestion.path("uuid").asText());
                suggestion.path("actions").forEach(CardConformance::assertAction);
            }
        }
        JsonNode reasons = card.get("overrideReasons");
        if (reasons != null) {
            for (JsonNode coding : reasons) {
                assertThat(coding.path("code").asText(null))
                        .as("override reason code")
                        .isNotBlank();
                assertThat(coding.path("system").asText(null))
                        .as("override reason system")
                        .isNotBlank();
                assertThat(coding.path("display").asText(null))
                        .as("override reason display")
                        .isNotBlank();
            }
        }
        JsonNode links = card.get("links");
        if (links != null) {
            for (JsonNode link : links) {
                assertThat(link.path("label").asText(null)).as("link label").isNotBlank();
                assertThat(link.path("url").asText("")).as("link url").startsWith("http");
                assertThat(link.path("type").asText()).as("link type").isIn(LINK_TYPES);
            }
        }
        card.fields().forEachRemaining(field -> assertThat(field.getValue().isNull())
                .as("member '%s' is omitted rather than null", field.getKey())
                .isFalse());
    }

    private static void assertAction(JsonNode action) {
        assertThat(action.path("type").asText()).as("action type").isIn(ACTION_TYPES);
        assertThat(action.path("description").asText(null))
                .as("action description")
                .isNotBlank();
        if (!"delete".equals(action.path("type").asText())) {
            assertThat(action.path("resource").path("resourceType").asText(null))
                    .as("action resource")
                    .isNotBlank();
        }
    }
}
