package org.ombc.cds.chart.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.fhir.ResourceIds;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.model.PrimaryTumour;

/**
 * The records of one chart that the rules cannot use (text only, a cancer or receptor code the service does not
 * place, a breast cancer look-alike), gathered during the mapping walk and then named in its notes: nothing unknown
 * is silent (clinical-rules 8 and 10).
 */
final class UnreadRecords {

    private static final int NAMED_RECORDS_LIMIT = 5;

    private static final Pattern LOOKS_LIKE_RECEPTOR = Pattern.compile(
            "\\b(o?estrogen|progesterone|HER-?2|ERBB2|" + "hormone receptor|(ER|PR) (status|receptor))\\b",
            Pattern.CASE_INSENSITIVE);

    private final Terminology terminology;
    private final List<String> freeText = new ArrayList<>();
    private final List<String> unplacedCancers = new ArrayList<>();
    private final List<String> unplacedReceptors = new ArrayList<>();
    private final List<String> lookAlikes = new ArrayList<>();

    UnreadRecords(Terminology terminology) {
        this.terminology = terminology;
    }

    /**
     * Whether the mapping reads this Condition: not when it is text only (unless it is the primary); an unplaced
     * cancer or a look-alike is read, and remembered.
     */
    boolean readable(Condition condition, CancerConditions.Kind kind) {
        if (isFreeTextOnly(condition.getCode()) && kind != CancerConditions.Kind.PRIMARY) {
            freeText.add("Condition/" + ResourceIds.idOf(condition));
            return false;
        }
        if (kind == CancerConditions.Kind.UNPLACED) {
            unplacedCancers.add(named(condition.getCode(), "Condition/" + ResourceIds.idOf(condition)));
        } else if (kind == CancerConditions.Kind.EXCLUDED) {
            lookAlikes.add(named(condition.getCode(), "Condition/" + ResourceIds.idOf(condition)));
        }
        return true;
    }

    /** Whether the mapping reads this Observation: not when it is text only; an unplaced receptor is remembered. */
    boolean readable(Observation observation) {
        if (isFreeTextOnly(observation.getCode())) {
            freeText.add("Observation/" + ResourceIds.idOf(observation));
            return false;
        }
        if (looksLikeUnplacedReceptor(observation)) {
            unplacedReceptors.add(named(observation.getCode(), "Observation/" + ResourceIds.idOf(observation)));
        }
        return true;
    }

    /** Names the unread records in {@code notes}, after what the walk noted itself. */
    void addNotes(Notes notes, @Nullable PrimaryTumour primary, List<Lesion> lesions) {
        if (!unplacedCancers.isEmpty()) {
            notes.add(unplacedNote(
                    unplacedCancers,
                    "cancer diagnosis",
                    "cancer diagnoses",
                    "code it as breast cancer or as a metastasis (SNOMED CT, ICD-10-CM or ICD-O-3) if it is one"));
        }
        if (!unplacedReceptors.isEmpty()) {
            notes.add(unplacedNote(
                    unplacedReceptors,
                    "receptor result",
                    "receptor results",
                    "code it as an ER, PR or HER2 result (LOINC) if it is one"));
        }
        if (!freeText.isEmpty()) {
            notes.add(freeTextNote(freeText));
        }
        if (lookAlikeBesideMetastasis(primary, lesions)) {
            notes.add("A current metastasis is recorded, but breast cancer only as "
                    + String.join(
                            "; ",
                            lookAlikes.stream()
                                    .sorted()
                                    .limit(NAMED_RECORDS_LIMIT)
                                    .toList()) + ", which is not breast "
                    + "cancer to the rules (in situ, history of, screening): record the breast cancer with its date "
                    + "if the metastasis comes from it.");
        }
    }

    /** Whether an unread record may be the breast cancer or a metastasis ({@code OmbcRecord.unreadCancer}). */
    boolean mayHideCancer(@Nullable PrimaryTumour primary, List<Lesion> lesions) {
        // A Condition that is only text may be the breast cancer or a metastasis (clinical-rules 8 and 10).
        boolean freeTextConditions = freeText.stream().anyMatch(r -> r.startsWith("Condition/"));
        return !unplacedCancers.isEmpty() || freeTextConditions || lookAlikeBesideMetastasis(primary, lesions);
    }

    private boolean lookAlikeBesideMetastasis(@Nullable PrimaryTumour primary, List<Lesion> lesions) {
        return primary == null && !lookAlikes.isEmpty() && lesions.stream().anyMatch(Lesion::current);
    }

    /**
     * An Observation that names a hormone receptor or HER2 in its displays or text and is coded as none of the tests
     * the service reads (clinical-rules 10, "Nothing unknown is silent").
     */
    private boolean looksLikeUnplacedReceptor(Observation observation) {
        CodeableConcept code = observation.getCode();
        // The words first: most Observations name no receptor, and that test costs less than nine lookups.
        if (Codings.words(code).stream()
                .noneMatch(w -> LOOKS_LIKE_RECEPTOR.matcher(w).find())) {
            return false;
        }
        for (ValueSetId known : ValueSetId.OBSERVATION_QUESTIONS) {
            if (terminology.containsAny(known, code)) {
                return false;
            }
        }
        return true;
    }

    private static String named(CodeableConcept code, String reference) {
        return Codings.describe(code) + " (" + reference + ")";
    }

    /** A Condition or Observation whose code has no coding (text only, or no code at all) cannot be read. */
    private static boolean isFreeTextOnly(@Nullable CodeableConcept code) {
        return code == null || code.getCoding().stream().noneMatch(Coding::hasCode);
    }

    /** clinical-rules 10: records that look like what the rules read, but whose code is not placed, named. */
    private static String unplacedNote(List<String> records, String one, String many, String fix) {
        List<String> sorted = records.stream().distinct().sorted().toList();
        String named = String.join("; ", sorted.subList(0, Math.min(NAMED_RECORDS_LIMIT, sorted.size())))
                + (sorted.size() > NAMED_RECORDS_LIMIT ? "; ..." : "");
        return sorted.size() + " " + (sorted.size() == 1 ? one : many) + " with a code the service does not know: "
                + named + ". Not used in the assessment; " + fix + ".";
    }

    /** clinical-rules 8, "Codes": text-only records are counted and named, a few by id. */
    private static String freeTextNote(List<String> records) {
        List<String> sorted = records.stream().sorted().toList();
        String named = String.join(", ", sorted.subList(0, Math.min(NAMED_RECORDS_LIMIT, sorted.size())))
                + (sorted.size() > NAMED_RECORDS_LIMIT ? ", ..." : "");
        return (sorted.size() == 1 ? "1 record is" : sorted.size() + " records are") + " free text only ("
                + named + ") and " + (sorted.size() == 1 ? "was" : "were") + " not read: code "
                + (sorted.size() == 1 ? "it" : "them") + " (SNOMED CT, ICD-10-CM or LOINC) for the assessment to use "
                + (sorted.size() == 1 ? "it." : "them.");
    }
}
