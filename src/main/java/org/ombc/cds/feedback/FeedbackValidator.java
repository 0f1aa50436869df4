package org.ombc.cds.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.audit.FeedbackItem;
import org.ombc.cds.audit.IssuedCard;
import org.ombc.cds.audit.IssuedCardIndex;

/**
 * Checks a CDS Hooks 2.0 feedback body item by item against the cards the service it was posted to issued: the
 * card exists and is that service's,
 * the outcome is accepted or overridden, accepted suggestions belong to the card, an override reason is one of
 * the card's own or one the client added (another code system), and the timestamp is an instant. Every problem names its item.
 */
final class FeedbackValidator {

    static final int MAX_COMMENT = 2000;
    /** Column sizes of the feedback table (V1): longer values are the client's mistake, a 400, not a 503. */
    static final int MAX_SYSTEM = 300;

    static final int MAX_CODE = 100;
    static final int MAX_DISPLAY = 300;
    /** The code system of this service's own override reasons (fhir-profiles CodeSystem-ombc). */
    static final String OWN_SYSTEM = FeedbackItem.OWN_SYSTEM;

    /** A client clock may run ahead; an outcome dated further ahead than this is a record error, as in rules 8. */
    static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private final IssuedCardIndex cards;
    private final int maxItems;
    private final Clock clock;

    FeedbackValidator(IssuedCardIndex cards, int maxItems, Clock clock) {
        this.cards = cards;
        this.maxItems = maxItems;
        this.clock = clock;
    }

    record Result(List<FeedbackItem> items, List<String> problems) {}

    /** @param serviceId the service the feedback was posted to: only its own cards are accepted */
    Result validate(String serviceId, @Nullable JsonNode body) {
        List<String> problems = new ArrayList<>();
        List<FeedbackItem> items = new ArrayList<>();
        JsonNode feedback = body == null ? null : body.get("feedback");
        if (feedback == null || !feedback.isArray() || feedback.isEmpty()) {
            return new Result(items, List.of("'feedback' must be a non-empty array"));
        }
        if (feedback.size() > maxItems) {
            return new Result(
                    items,
                    List.of("feedback[" + maxItems + "]: at most " + maxItems
                            + " feedback items per call (ombc.audit.max-feedback-items)"));
        }
        java.util.Map<String, String> outcomeOfCard = new java.util.HashMap<>();
        for (int i = 0; i < feedback.size(); i++) {
            String at = "feedback[" + i + "]";
            int before = problems.size();
            FeedbackItem item = item(serviceId, feedback.get(i), at, problems);
            if (problems.size() == before && item != null) {
                String earlier = outcomeOfCard.putIfAbsent(item.card(), item.outcome());
                if (earlier != null && !earlier.equals(item.outcome())) {
                    problems.add(at + ".outcome contradicts an earlier item of this batch for the same card");
                } else {
                    items.add(item);
                }
            }
        }
        return new Result(items, problems);
    }

    private @Nullable FeedbackItem item(String serviceId, JsonNode node, String at, List<String> problems) {
        if (!node.isObject()) {
            problems.add(at + " must be an object");
            return null;
        }
        String cardId = text(node, "card");
        Optional<IssuedCard> card = Optional.empty();
        if (cardId == null) {
            problems.add(at + ".card is required");
        } else {
            card = cards.find(cardId).filter(c -> serviceId.equals(c.serviceId()));
            if (card.isEmpty()) {
                problems.add(at + ".card is not a card this service issued");
            }
        }
        String outcome = text(node, "outcome");
        if (!"accepted".equals(outcome) && !"overridden".equals(outcome)) {
            problems.add(at + ".outcome must be 'accepted' or 'overridden'");
        }
        Instant timestamp = null;
        String ts = text(node, "outcomeTimestamp");
        try {
            timestamp = ts == null ? null : OffsetDateTime.parse(ts).toInstant();
        } catch (DateTimeParseException e) {
            timestamp = null;
        }
        if (timestamp == null) {
            problems.add(at + ".outcomeTimestamp must be an ISO 8601 date-time with offset");
        } else if (timestamp.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            problems.add(at + ".outcomeTimestamp lies in the future");
        }
        List<String> accepted = new ArrayList<>();
        JsonNode suggestions = node.get("acceptedSuggestions");
        if (suggestions != null && !suggestions.isNull()) {
            if (!suggestions.isArray()) {
                problems.add(at + ".acceptedSuggestions must be an array");
            } else {
                for (JsonNode s : suggestions) {
                    String id = text(s, "id");
                    if (id == null) {
                        problems.add(at + ".acceptedSuggestions items need an 'id'");
                    } else if (card.isPresent() && !card.get().suggestionIds().contains(id)) {
                        problems.add(at + ".acceptedSuggestions id " + safe(id) + " is not a suggestion of that card");
                    } else if (accepted.contains(id)) {
                        problems.add(at + ".acceptedSuggestions id " + safe(id) + " is repeated");
                    } else {
                        accepted.add(id);
                    }
                }
            }
        }
        if ("overridden".equals(outcome) && !accepted.isEmpty()) {
            problems.add(at + ".acceptedSuggestions is only for 'accepted' outcomes");
        }
        boolean noneGiven =
                suggestions == null || suggestions.isNull() || (suggestions.isArray() && suggestions.isEmpty());
        if ("accepted".equals(outcome)
                && noneGiven
                && card.isPresent()
                && !card.get().suggestionIds().isEmpty()) {
            problems.add(at + ".acceptedSuggestions is required when a card with suggestions is accepted");
        }
        String system = null;
        String code = null;
        String display = null;
        String comment = null;
        JsonNode override = node.get("overrideReason");
        if (override != null && !override.isNull()) {
            if (!"overridden".equals(outcome)) {
                problems.add(at + ".overrideReason is only for 'overridden' outcomes");
            }
            JsonNode reason = override.get("reason");
            comment = text(override, "userComment");
            if (comment != null && comment.length() > MAX_COMMENT) {
                problems.add(at + ".overrideReason.userComment is longer than " + MAX_COMMENT + " characters");
            }
            if (reason != null && !reason.isNull()) {
                system = text(reason, "system");
                code = text(reason, "code");
                display = text(reason, "display");
                tooLong(system, MAX_SYSTEM, at + ".overrideReason.reason.system", problems);
                tooLong(code, MAX_CODE, at + ".overrideReason.reason.code", problems);
                tooLong(display, MAX_DISPLAY, at + ".overrideReason.reason.display", problems);
                if (system == null || code == null) {
                    problems.add(at + ".overrideReason.reason needs a 'system' and a 'code'");
                } else if (OWN_SYSTEM.equals(system)
                        && card.isPresent()
                        && !card.get().overrideCodes().contains(system + "|" + code)) {
                    // A client MAY add reasons of its own (another code system); ours must be the card's.
                    problems.add(at + ".overrideReason.reason is not one of the card's override reasons");
                }
            } else if (comment == null) {
                problems.add(at + ".overrideReason needs a reason Coding or a userComment");
            }
        }
        if (!problems.isEmpty() && problems.get(problems.size() - 1).startsWith(at)) {
            return null;
        }
        // No problem of this item: the checks above saw a card, an outcome and a timestamp.
        return new FeedbackItem(
                Objects.requireNonNull(cardId, "checked"),
                Objects.requireNonNull(outcome, "checked"),
                accepted,
                system,
                code,
                display,
                comment,
                Objects.requireNonNull(timestamp, "checked"));
    }

    private static void tooLong(@Nullable String value, int max, String what, List<String> problems) {
        if (value != null && value.length() > max) {
            problems.add(what + " is longer than " + max + " characters");
        }
    }

    private static @Nullable String text(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** Ids are echoed in errors only when they look like ids, so nothing is reflected verbatim. */
    private static String safe(String id) {
        return id.matches("[A-Za-z0-9._-]{1,64}") ? "'" + id + "'" : "(invalid)";
    }
}
