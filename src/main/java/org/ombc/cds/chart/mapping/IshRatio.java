package org.ombc.cds.chart.mapping;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.model.ReceptorResult;

/**
 * A HER2/CEP17 ratio from in situ hybridisation, as a number or as the text real systems write ("less than 1.8",
 * "> 2.2", "2.4"): a bound and which side of it the ratio lies (clinical-rules 10, "ISH ratios"). ASCO/CAP: a ratio
 * of 2.0 or more is amplified; the copy-number refinements the record does not hold are not applied.
 *
 * @param bound    the number written
 * @param relation how the ratio relates to it
 */
record IshRatio(BigDecimal bound, Relation relation) {

    /** The ASCO/CAP threshold: amplified at 2.0 or more. */
    static final BigDecimal AMPLIFIED_AT = new BigDecimal("2.0");

    enum Relation {
        EQUAL,
        BELOW,
        AT_MOST,
        ABOVE,
        AT_LEAST
    }

    /** The ratio's number with its comparator, after words that only name it ("HER2/CEP17 ratio:", "ratio"). */
    private static final Pattern TEXT =
            Pattern.compile("^(?:(?:her2 ?/ ?cep ?17|her2/chr17|erbb2/cep17)?\\s*ratio\\s*(?:=|:|is)?\\s*)?"
                    + "(less than or equal to|greater than or equal to|less than|greater than|<=|>=|≤|≥|<|>)?\\s*"
                    + "(\\d+(?:[.,]\\d+)?)$");

    /** The ratio a value states, or null when the value is not a readable ratio. */
    static @Nullable IshRatio of(@Nullable Type value) {
        if (value instanceof Quantity quantity && quantity.hasValue()) {
            Relation relation = quantity.hasComparator()
                    ? switch (quantity.getComparator()) {
                        case LESS_THAN -> Relation.BELOW;
                        case LESS_OR_EQUAL -> Relation.AT_MOST;
                        case GREATER_THAN -> Relation.ABOVE;
                        case GREATER_OR_EQUAL -> Relation.AT_LEAST;
                        default -> null;
                    }
                    : Relation.EQUAL;
            return relation == null ? null : new IshRatio(quantity.getValue(), relation);
        }
        if (value instanceof DecimalType decimal && decimal.getValue() != null) {
            return new IshRatio(decimal.getValue(), Relation.EQUAL);
        }
        if (value instanceof IntegerType integer && integer.getValue() != null) {
            return new IshRatio(BigDecimal.valueOf(integer.getValue()), Relation.EQUAL);
        }
        if (value instanceof Ratio ratio
                && ratio.hasNumerator()
                && ratio.hasDenominator()
                && ratio.getNumerator().hasValue()
                && ratio.getDenominator().hasValue()
                && ratio.getDenominator().getValue().signum() > 0) {
            return new IshRatio(
                    ratio.getNumerator()
                            .getValue()
                            .divide(ratio.getDenominator().getValue(), 4, java.math.RoundingMode.HALF_UP),
                    Relation.EQUAL);
        }
        if (value instanceof StringType string && string.getValue() != null) {
            return parse(string.getValue());
        }
        return null;
    }

    static @Nullable IshRatio parse(String text) {
        Matcher m = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        if (!m.matches()) {
            return null;
        }
        BigDecimal bound = new BigDecimal(m.group(2).replace(',', '.'));
        String word = m.group(1) == null ? "" : m.group(1);
        Relation relation =
                switch (word) {
                    case "less than", "<" -> Relation.BELOW;
                    case "less than or equal to", "<=", "≤" -> Relation.AT_MOST;
                    case "greater than", ">" -> Relation.ABOVE;
                    case "greater than or equal to", ">=", "≥" -> Relation.AT_LEAST;
                    default -> Relation.EQUAL;
                };
        return new IshRatio(bound, relation);
    }

    /** Positive (amplified), negative (not amplified), or unknown when the ratio may lie on either side of 2.0. */
    ReceptorResult.Status status() {
        int cmp = bound.compareTo(AMPLIFIED_AT);
        boolean negative =
                switch (relation) {
                    case EQUAL, AT_MOST -> cmp < 0;
                    case BELOW -> cmp <= 0;
                    case ABOVE, AT_LEAST -> false;
                };
        boolean positive =
                switch (relation) {
                    case EQUAL, AT_LEAST, ABOVE -> cmp >= 0;
                    case BELOW, AT_MOST -> false;
                };
        return positive
                ? ReceptorResult.Status.POSITIVE
                : negative ? ReceptorResult.Status.NEGATIVE : ReceptorResult.Status.UNKNOWN;
    }
}
