package org.ombc.cds.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Compares hook responses: card and suggestion uuids are fresh on every call, and so is the signed link to a
 * card's full-evidence page; everything else must match.
 */
public final class CardResponses {

    private CardResponses() {}

    public static JsonNode withoutUuids(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("uuid")) {
                object.set("uuid", TextNode.valueOf("<uuid>"));
            }
            JsonNode url = object.get("url");
            if (url != null && url.isTextual() && url.asText().contains("/ombc/cards/")) {
                object.set(
                        "url",
                        TextNode.valueOf(url.asText().replaceAll("/ombc/cards/.*$", "/ombc/cards/<uuid>?sig=<sig>")));
            }
            object.forEach(CardResponses::strip);
        } else if (node.isArray()) {
            node.forEach(CardResponses::strip);
        }
    }
}
