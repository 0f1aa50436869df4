package org.ombc.cds.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.ombc.cds.logic.Trial;
import org.ombc.cds.logic.TrialCriterion;

/**
 * Maps a FHIR ResearchStudy of profile {@code ombc-trial} to the plain {@link Trial} the logic reads, so the logic
 * never sees a FHIR resource. Everything the matcher needs is checked here: a study the service would misread is
 * refused with a message naming it, never half-read.
 */
public final class TrialDefinitions {

    public static final String PROFILE = "http://ombc-cds.org/fhir/StructureDefinition/ombc-trial";
    public static final String CRITERION = "http://ombc-cds.org/fhir/StructureDefinition/ombc-trial-criterion";
    public static final String CODE_SYSTEM = "http://ombc-cds.org/fhir/CodeSystem/ombc";
    public static final String CLINICALTRIALS_GOV = "https://clinicaltrials.gov";
    private static final Pattern NCT = Pattern.compile("NCT\\d{8}");

    private TrialDefinitions() {}

    /**
     * The trial an {@code ombc-trial} ResearchStudy defines.
     *
     * @param source where the study came from (a file name), put in every message
     * @throws IllegalArgumentException naming {@code source} and what is wrong
     */
    public static Trial toTrial(ResearchStudy study, String source) {
        List<String> problems = new ArrayList<>();
        String nct = null;
        for (Identifier identifier : study.getIdentifier()) {
            if (CLINICALTRIALS_GOV.equals(identifier.getSystem())
                    || "http://clinicaltrials.gov".equals(identifier.getSystem())) {
                nct = identifier.getValue();
            }
        }
        if (nct == null || !NCT.matcher(nct).matches()) {
            problems.add("needs an identifier with system " + CLINICALTRIALS_GOV + " and an NCT number (NCT + 8 digits)"
                    + (nct == null ? "" : ", not '" + nct + "'"));
        }
        if (!study.hasTitle()) {
            problems.add("needs a title (the trial's short name)");
        }
        if (!study.hasStatus()) {
            problems.add("needs a status");
        }
        if (!study.hasDescription()) {
            problems.add("needs a description (the criteria as text)");
        }
        List<TrialCriterion> checks = new ArrayList<>();
        for (Extension extension : study.getExtensionsByUrl(CRITERION)) {
            try {
                checks.add(criterion(extension));
            } catch (IllegalArgumentException e) {
                problems.add("criterion " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + String.join("; ", problems));
        }
        String phase = study.getPhase().getCoding().stream()
                .map(Coding::getCode)
                .findFirst()
                .orElse(null);
        List<String> notes = study.getNote().stream()
                .map(Annotation::getText)
                .filter(t -> t != null && !t.isBlank())
                .toList();
        String id = Objects.requireNonNull(nct, "refused above without one");
        return new Trial(
                id, study.getTitle(), study.getStatus().toCode(), phase, study.getDescription(), checks, notes, source);
    }

    private static TrialCriterion criterion(Extension extension) {
        Extension code = extension.getExtensionByUrl("code");
        if (code == null || !(code.getValue() instanceof Coding coding) || !CODE_SYSTEM.equals(coding.getSystem())) {
            throw new IllegalArgumentException("needs a 'code' Coding of " + CODE_SYSTEM);
        }
        TrialCriterion.Kind kind = TrialCriterion.Kind.fromCode(coding.getCode())
                .orElseThrow(() -> new IllegalArgumentException(
                        "'" + coding.getCode() + "' is not a code of ValueSet trial-criteria"));
        Extension value = extension.getExtensionByUrl("value");
        Integer number = null;
        if (value != null) {
            if (!(value.getValue() instanceof IntegerType integer) || integer.getValue() == null) {
                throw new IllegalArgumentException(kind.code() + ": 'value' must be an integer");
            }
            number = integer.getValue();
        }
        return new TrialCriterion(kind, number);
    }
}
