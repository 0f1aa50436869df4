package org.ombc.cds.chart.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;
import org.ombc.cds.model.Site;

/**
 * What a Condition is to the rules (clinical-rules 10, "Concept families" and "mCODE"): the breast primary, a distant
 * metastasis, something that only looks like breast cancer (in situ, history of, screening), a cancer record whose
 * code the service cannot place, or nothing it reads.
 */
final class CancerConditions {

    /** What a Condition is to the rules. */
    enum Kind {
        /** Breast cancer: SNOMED 254837009 and descendants, ICD-10-CM C50, ICD-O-3 C50 with behaviour /3. */
        PRIMARY,
        /** A distant metastasis: SNOMED 128462008 and descendants, ICD-10-CM C77-C79, ICD-O-3 behaviour /6. */
        METASTASIS,
        /** Known and deliberately not breast cancer: in situ, benign, history of, family history, screening. */
        EXCLUDED,
        /** Looks like cancer but no code the service holds places it: named on the data-quality card. */
        UNPLACED,
        /** Nothing the rules read. */
        OTHER
    }

    static final String ICD_O_3 = Terminology.ICD_O_3;

    private static final Pattern LOOKS_LIKE_CANCER = Pattern.compile(
            "\\b(carcinoma|cancer|malignan\\w*|neoplasm\\w*|metasta\\w*|sarcoma|tumou?r)\\b", Pattern.CASE_INSENSITIVE);
    /** ICD-O-3 morphology: four digits, a slash, the behaviour code (/2 in situ, /3 malignant, /6 metastatic). */
    private static final Pattern MORPHOLOGY = Pattern.compile("^\\d{4}/(\\d)$");

    private static final Pattern BREAST_TOPOGRAPHY = Pattern.compile("^C50(\\.?\\d)?$", Pattern.CASE_INSENSITIVE);
    private static final String MCODE_HISTOLOGY = "histology-morphology-behavior";

    private final Terminology terminology;

    CancerConditions(Terminology terminology) {
        this.terminology = terminology;
    }

    Kind kindOf(Condition condition) {
        CodeableConcept code = condition.getCode();
        List<Coding> morphology = morphologyCodings(condition);
        if (terminology.containsAny(ValueSetId.METASTASIS, code) || hasBehaviour(morphology, "6")) {
            return Kind.METASTASIS;
        }
        if (claimsProfile(condition, "secondary-cancer-condition", "secondarycancercondition")) {
            return codedSite(condition) != null || bodySite(condition) != null ? Kind.METASTASIS : Kind.UNPLACED;
        }
        boolean breastTopography = hasBreastTopography(code) || hasBreastTopographyIn(condition.getBodySite());
        if (terminology.containsAny(ValueSetId.PRIMARY_BREAST_CANCER, code)
                || (breastTopography && hasBehaviour(morphology, "3"))) {
            return Kind.PRIMARY;
        }
        if (terminology.containsAny(ValueSetId.BREAST_CANCER_EXCLUDED, code)) {
            return Kind.EXCLUDED;
        }
        // The mCODE claim with a breast code or site makes a breast primary (clinical-rules 10, "mCODE"), also
        // against a histology extension that says in situ beside a malignant code: the record contradicts
        // itself, and missing an invasive cancer is the worse error.
        if (claimsProfile(condition, "primary-cancer-condition", "primarycancercondition")) {
            boolean breast =
                    breastTopography || terminology.containsAny(ValueSetId.BODY_SITE_BREAST, condition.getBodySite());
            return breast ? Kind.PRIMARY : looksLikeCancer(code) ? Kind.UNPLACED : Kind.OTHER;
        }
        if (hasBehaviour(morphology, "2")) {
            return Kind.EXCLUDED;
        }
        return !judgedByItsCodeSystem(code) && looksLikeCancer(code) ? Kind.UNPLACED : Kind.OTHER;
    }

    /**
     * Where a metastasis is: bodySite first, else the code (clinical-rules 10); a code naming a specific lymph node
     * station is kept over a bodySite that says only "lymph node". {@link Site#OTHER} when neither places it.
     */
    Site siteOf(Condition condition) {
        Site byBodySite = bodySite(condition);
        Site byCode = codedSite(condition);
        if (byBodySite == null) {
            return byCode == null ? Site.OTHER : byCode;
        }
        return byBodySite == Site.DISTANT_LYMPH_NODE && byCode == Site.AXILLARY_LYMPH_NODE ? byCode : byBodySite;
    }

    private @Nullable Site codedSite(Condition condition) {
        for (Site site : ValueSetId.CODED_SITES) {
            if (terminology.containsAny(ValueSetId.metastasisCode(site), condition.getCode())) {
                return site;
            }
        }
        return null;
    }

    private @Nullable Site bodySite(Condition condition) {
        for (Site site : ValueSetId.CODED_SITES) {
            for (CodeableConcept bodySite : condition.getBodySite()) {
                if (terminology.containsAny(ValueSetId.bodySite(site), bodySite)) {
                    return site;
                }
            }
        }
        return null;
    }

    /** Display or text that names a cancer (carcinoma, cancer, malignant, neoplasm, metastasis...). */
    static boolean looksLikeCancer(@Nullable CodeableConcept concept) {
        return concept != null
                && Codings.words(concept).stream()
                        .anyMatch(w -> LOOKS_LIKE_CANCER.matcher(w).find());
    }

    /**
     * A Condition coded in ICD-10-CM is placed by that code alone: our families hold the whole of its breast
     * cancer (C50) and metastasis (C77-C79) chapters, so another ICD-10-CM code is known not to be either.
     */
    private static boolean judgedByItsCodeSystem(CodeableConcept code) {
        return code.getCoding().stream()
                .anyMatch(c -> c.hasCode() && Terminology.ICD10CM.equals(Terminology.normaliseSystem(c.getSystem())));
    }

    private static boolean claimsProfile(Condition condition, String... suffixes) {
        for (CanonicalType profile : condition.getMeta().getProfile()) {
            String url = profile.getValue() == null ? "" : profile.getValue().toLowerCase(Locale.ROOT);
            for (String suffix : suffixes) {
                if ((url.contains("/mcode") && url.endsWith(suffix)) || url.endsWith("mcode-" + suffix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasBreastTopography(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            if (ICD_O_3.equals(Terminology.normaliseSystem(coding.getSystem()))
                    && coding.hasCode()
                    && BREAST_TOPOGRAPHY.matcher(coding.getCode().trim()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBreastTopographyIn(List<CodeableConcept> concepts) {
        return concepts.stream().anyMatch(CancerConditions::hasBreastTopography);
    }

    /** ICD-O-3 morphology codings in the code itself or in the mCODE histology-morphology-behavior extension. */
    private static List<Coding> morphologyCodings(Condition condition) {
        List<Coding> codings = new ArrayList<>(condition.getCode().getCoding());
        for (Extension extension : condition.getExtension()) {
            if (extension.getUrl() != null
                    && extension.getUrl().endsWith(MCODE_HISTOLOGY)
                    && extension.getValue() instanceof CodeableConcept value) {
                codings.addAll(value.getCoding());
            }
        }
        codings.removeIf(
                c -> !c.hasCode() || !MORPHOLOGY.matcher(c.getCode().trim()).matches());
        return codings;
    }

    private static boolean hasBehaviour(List<Coding> morphology, String behaviour) {
        for (Coding coding : morphology) {
            var m = MORPHOLOGY.matcher(coding.getCode().trim());
            if (m.matches() && m.group(1).equals(behaviour)) {
                return true;
            }
        }
        return false;
    }
}
