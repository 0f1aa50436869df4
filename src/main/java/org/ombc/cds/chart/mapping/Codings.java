package org.ombc.cds.chart.mapping;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.ombc.cds.knowledge.Terminology;

/** How a record names itself in words and codes, for the data-quality card and for reading words. */
final class Codings {

    /** Codes quoted for one record: enough to find it, never a wall of text on a card. */
    private static final int MAX_CODES = 3;

    private Codings() {}

    /** The displays of every coding, then the text. */
    static List<String> words(CodeableConcept concept) {
        List<String> words = new ArrayList<>();
        for (Coding coding : concept.getCoding()) {
            if (coding.hasDisplay()) {
                words.add(coding.getDisplay());
            }
        }
        if (concept.hasText()) {
            words.add(concept.getText());
        }
        return words;
    }

    /**
     * The record as a clinician can find it: its text or first display in quotes, then its codes, e.g.
     * {@code 'Infiltrating duct carcinoma of breast' (SNOMED 408643008)}.
     */
    static String describe(CodeableConcept concept) {
        List<String> words = words(concept);
        String name = concept.hasText() ? concept.getText() : words.isEmpty() ? "" : words.get(0);
        List<String> codes = new ArrayList<>();
        for (Coding coding : concept.getCoding()) {
            if (coding.hasCode() && codes.size() < MAX_CODES) {
                codes.add(clip(systemName(coding.getSystem()) + " " + coding.getCode()));
            }
        }
        if (concept.getCoding().stream().filter(Coding::hasCode).count() > MAX_CODES) {
            codes.add("...");
        }
        String quoted = clip(name).isEmpty() ? "" : "'" + clip(name) + "'";
        String coded = codes.isEmpty() ? "" : "(" + String.join(", ", codes) + ")";
        return (quoted + " " + coded).trim();
    }

    /**
     * One line of at most 80 characters, without the characters that make markdown or HTML (brackets, angle
     * brackets, emphasis, code, tables): the text is shown on a card, and a chart's words must never become markup.
     */
    private static String clip(String text) {
        String oneLine = text.replaceAll("[\\p{Cc}\\p{Cf}\\[\\]<>`*_|#!\\\\&]", " ")
                .replaceAll("\\s+", " ")
                .trim();
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
    }

    private static String systemName(String system) {
        String normal = Terminology.normaliseSystem(system);
        return switch (normal) {
            case Terminology.SNOMED -> "SNOMED";
            case Terminology.ICD10CM -> "ICD-10-CM";
            case Terminology.LOINC -> "LOINC";
            case Terminology.RXNORM -> "RxNorm";
            case CancerConditions.ICD_O_3 -> "ICD-O-3";
            case "http://www.whocc.no/atc" -> "ATC";
            default -> normal.isEmpty() ? "no system" : normal;
        };
    }
}
