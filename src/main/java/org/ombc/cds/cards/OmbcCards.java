package org.ombc.cds.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.ombc.cds.cdshooks.CdsHooksModel.Action;
import org.ombc.cds.cdshooks.CdsHooksModel.Card;
import org.ombc.cds.cdshooks.CdsHooksModel.Link;
import org.ombc.cds.cdshooks.CdsHooksModel.Source;
import org.ombc.cds.cdshooks.CdsHooksModel.Suggestion;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.EstroEortcState;
import org.ombc.cds.logic.Evidence;
import org.ombc.cds.logic.MissingData;
import org.ombc.cds.logic.OligometastaticState;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.mapping.Terminology;
import org.ombc.cds.mapping.ValueSetId;
import org.ombc.cds.model.Lesion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns an assessment into patient-view cards: silence without metastatic breast cancer; otherwise one main card
 * (warning when oligometastatic, else info), and a data-quality card only when missing or unreadable data changes
 * the decision.
 */
public final class OmbcCards {

    public static final String EXTENSION_KEY = "ombc-assessment";
    static final int SUMMARY_LIMIT = 140;
    private static final String SNOMED = "http://snomed.info/sct";

    private final FhirJson fhir;
    private final ObjectMapper json;
    private final List<org.ombc.cds.cdshooks.CdsHooksModel.Coding> overrideReasons;
    private final String serviceLabel;
    private final Function<String, Optional<String>> pageLinks;
    private final java.util.function.Supplier<Optional<String>> appLaunch;

    /** Override reasons are the ones published in ValueSet override-reasons, with their displays. */
    public OmbcCards(FhirJson fhir, ObjectMapper json, Terminology terminology, String serviceName) {
        this(fhir, json, terminology, serviceName, uuid -> Optional.empty());
    }

    /**
     * @param pageLinks the absolute URL of the full-evidence page of a card uuid ("How this was decided"), or
     *                  empty when none can be made now (then the card links the review instead)
     */
    public OmbcCards(FhirJson fhir, ObjectMapper json, Terminology terminology, String serviceName,
                     Function<String, Optional<String>> pageLinks) {
        this(fhir, json, terminology, serviceName, pageLinks, Optional::empty);
    }

    /**
     * @param appLaunch the SMART launch URL of the tumour-board view ({@code /smart/launch}), which the EHR opens
     *                  with its {@code iss} and {@code launch}; empty when none can be made now
     */
    public OmbcCards(FhirJson fhir, ObjectMapper json, Terminology terminology, String serviceName,
                     Function<String, Optional<String>> pageLinks,
                     java.util.function.Supplier<Optional<String>> appLaunch) {
        this.pageLinks = pageLinks;
        this.appLaunch = appLaunch;
        this.fhir = fhir;
        this.json = json;
        this.overrideReasons = terminology.concepts(ValueSetId.OVERRIDE_REASONS).stream()
                .map(c -> new org.ombc.cds.cdshooks.CdsHooksModel.Coding(c.system(), c.code(), c.display())).toList();
        this.serviceLabel = serviceName;
    }

    /** @param problems what could not be read (optional keys, foreign resources, validation issues) */
    public List<Card> cards(Assessment assessment, String patientId, List<String> problems) {
        if (!assessment.breastCancer() || !assessment.metastatic()) {
            return List.of();
        }
        List<Card> cards = new ArrayList<>(2);
        cards.add(mainCard(assessment, patientId));
        if (dataChangesDecision(assessment, problems)) {
            cards.add(dataQualityCard(assessment, problems));
        }
        return cards;
    }

    private Card mainCard(Assessment a, String patientId) {
        List<Suggestion> suggestions = new ArrayList<>();
        if (a.recommends(Recommendation.MDT_DISCUSSION)) {
            suggestions.add(tumourBoardReferral(patientId, a));
        }
        if (a.recommends(Recommendation.STAGING_IMAGING)) {
            suggestions.add(suggestion("Order PET-CT for staging", true, "Order: PET-CT staging",
                    serviceRequest(patientId, "363679005", "Imaging",
                            "PET-CT, staging of metastatic breast cancer (oligometastatic assessment)", a)));
            suggestions.add(suggestion("Order whole-body MRI for staging", false, "Order: whole-body MRI staging",
                    serviceRequest(patientId, "363679005", "Imaging",
                            "Whole-body MRI, staging of metastatic breast cancer (oligometastatic assessment)", a)));
        }
        String indicator = a.oligometastatic() == OligometastaticState.YES ? "warning" : "info";
        String uuid = UUID.randomUUID().toString();
        Link evidence = pageLinks.apply(uuid)
                .map(url -> new Link(FULL_EVIDENCE_LABEL, url, "absolute", null, null))
                .orElse(new Link("Review: Merloni et al. 2023", Evidence.MERLONI_2023.url(), "absolute", null, null));
        return new Card(uuid, summary(a), CardDetail.of(a), indicator, source(a),
                suggestions.isEmpty() ? null : suggestions, suggestions.isEmpty() ? null : "any",
                overrideReasonsFor(a, overrideReasons), links(evidence), Map.of(EXTENSION_KEY, AssessmentJson.of(a)));
    }

    /** The full evidence, and the tumour-board view (a SMART app the EHR launches) when its URL is known. */
    private List<Link> links(Link evidence) {
        return appLaunch.get().map(url -> List.of(evidence, new Link(TUMOUR_BOARD_LABEL, url, "smart", null, null)))
                .orElse(List.of(evidence));
    }

    /** The label of the main card's link to the SMART tumour-board view. */
    public static final String TUMOUR_BOARD_LABEL = "Open tumour-board view";

    /** The label of the link to the card's full-evidence page. */
    public static final String FULL_EVIDENCE_LABEL = "How this was decided: full evidence";

    /** The full-evidence page of a main card: a pure function of the assessment, stored with the audit. */
    public static String fullDetail(Assessment a) {
        return FullDetail.of(a);
    }

    /**
     * Only the reasons that make sense for what this card proposes: "not fit for local therapy" only when local
     * therapy is proposed, "already discussed at tumour board" only when the board is, "patient preference" only
     * when something is proposed; disagreeing with the classification always fits.
     */
    static List<org.ombc.cds.cdshooks.CdsHooksModel.Coding> overrideReasonsFor(
            Assessment a, List<org.ombc.cds.cdshooks.CdsHooksModel.Coding> all) {
        boolean local = a.recommendations().stream().anyMatch(r -> r.isMetastasisDirected()
                && r != Recommendation.MDT_DISCUSSION && r != Recommendation.CLINICAL_TRIAL)
                || a.recommends(Recommendation.REGIONAL_CURATIVE_TREATMENT);
        boolean board = a.recommends(Recommendation.MDT_DISCUSSION)
                || a.recommends(Recommendation.REGIONAL_CURATIVE_TREATMENT);
        Set<String> fitting = new java.util.HashSet<>(Set.of("disagree-with-classification"));
        if (local) {
            fitting.add("not-fit-for-local-therapy");
        }
        if (board) {
            fitting.add("discussed-at-tumour-board");
        }
        if (!a.recommendations().isEmpty()) {
            fitting.add("patient-preference");
        }
        // A reason published later (not named here) is offered whenever something is proposed.
        Set<String> known = Set.of("disagree-with-classification", "not-fit-for-local-therapy",
                "discussed-at-tumour-board", "patient-preference");
        return all.stream().filter(c -> fitting.contains(c.code())
                || (!known.contains(c.code()) && !a.recommendations().isEmpty())).toList();
    }

    /**
     * The state and the next step, under 140 characters, different for each state a clinician acts on
     * differently: induced disease (the poorest chance of cure, Guckenberger 2020) is not sold as curable.
     */
    public static String summary(Assessment a) {
        String text;
        int n = a.lesionCount() == null ? 0 : a.lesionCount();
        String lesions = n + (n == 1 ? " lesion" : " lesions");
        EstroEortcState state = a.estroEortcState();
        if (a.recommends(Recommendation.REGIONAL_CURATIVE_TREATMENT)) {
            text = (CardKnowledge.allSternal(a) ? "Sternal-only" : "Contralateral axillary node-only")
                    + " breast cancer spread: treat as regional disease with curative intent; discuss at tumour board.";
        } else if (a.oligometastatic() == OligometastaticState.YES && state != null && state.isInduced()) {
            text = "Induced oligometastatic disease (" + lesions + " left after polymetastatic disease): chance of cure "
                    + "is low; tumour board may weigh local therapy.";
        } else if (a.oligometastatic() == OligometastaticState.YES && state == EstroEortcState.SYNCHRONOUS) {
            text = "De novo oligometastatic breast cancer (" + lesions + "): discuss curative-intent local therapy "
                    + "at tumour board.";
        } else if (a.oligometastatic() == OligometastaticState.YES && state != null && state.name().endsWith("PROGRESSION")) {
            String label = state.label();
            text = Character.toUpperCase(label.charAt(0)) + label.substring(1) + " on systemic therapy (" + lesions
                    + "): discuss local therapy of progressing lesions at tumour board.";
        } else if (a.oligometastatic() == OligometastaticState.YES) {
            String label = state == null ? "" : ", " + state.label();
            text = "Oligometastatic breast cancer (" + lesions + label
                    + "): discuss curative-intent local therapy at tumour board.";
        } else if (a.oligometastatic() == OligometastaticState.INDETERMINATE) {
            text = "Metastatic breast cancer, lesion count unknown: record it and discuss oligometastatic options "
                    + "at tumour board.";
        } else {
            text = "Polymetastatic breast cancer (" + lesions + "): not oligometastatic, no metastasis-directed "
                    + "therapy suggested.";
        }
        if (a.recommends(Recommendation.STAGING_IMAGING) && text.length() + 26 < SUMMARY_LIMIT) {
            text += " Stage with PET-CT/WB-MRI.";
        }
        return text.length() < SUMMARY_LIMIT ? text : text.substring(0, SUMMARY_LIMIT - 2) + "…";
    }

    /**
     * Missing data changes the decision only where a decision is open: oligometastatic yes or indeterminate, or
     * regional disease. For a polymetastatic patient the receptor status does not change "no local therapy".
     */
    static boolean dataChangesDecision(Assessment a, List<String> problems) {
        if (a.missingData().isEmpty() && problems.isEmpty()) {
            return false;
        }
        return a.oligometastatic() != OligometastaticState.NO
                || a.recommends(Recommendation.REGIONAL_CURATIVE_TREATMENT);
    }

    private Card dataQualityCard(Assessment a, List<String> problems) {
        StringBuilder md = new StringBuilder("The assessment is incomplete.\n\n");
        if (!a.missingData().isEmpty()) {
            md.append("Please record:\n\n");
            for (MissingData missing : a.missingData()) {
                // The label only: the codes to record it with are in fhir-profiles/README.md, for integrators.
                md.append("- ").append(missingLabel(missing)).append('\n');
            }
            md.append('\n');
        }
        if (!problems.isEmpty()) {
            // Our own sentences: key names and failure classes, never resource content.
            md.append("Could not be read:\n\n");
            for (String problem : problems) {
                md.append("- ").append(problem).append('\n');
            }
            md.append('\n');
        }
        md.append("Until then no recommendation that depends on these data is made.\n");
        String summary;
        if (a.missingData().isEmpty()) {
            summary = "Some patient data could not be read: the OMBC assessment may be incomplete.";
        } else {
            String items = String.join(", ", a.missingData().stream().map(OmbcCards::missingLabel).toList());
            summary = "To complete the OMBC assessment, record: " + items;
            if (summary.length() >= SUMMARY_LIMIT) {
                summary = "To complete the OMBC assessment, record " + a.missingData().size()
                        + " missing items (see detail).";
            }
        }
        return new Card(UUID.randomUUID().toString(), summary, md.toString(), "info", source(a), null, null, null,
                null, null);
    }

    /** The tumour-board referral, the same draft ServiceRequest on every card that suggests it (any hook). */
    Suggestion tumourBoardReferral(String patientId, Assessment a) {
        return suggestion("Refer to the multidisciplinary tumour board", true,
                "Referral: tumour board review of oligometastatic breast cancer",
                serviceRequest(patientId, "3457005", "Patient referral",
                        "Multidisciplinary tumour board review: oligometastatic breast cancer, metastasis-directed "
                                + "therapy with curative intent", a));
    }

    /** What a clinician calls the missing item (the code stays in the ombc-assessment extension). */
    public static String missingLabel(MissingData missing) {
        return switch (missing.code()) {
            case "er-status" -> "ER status";
            case "pr-status" -> "PR status";
            case "her2-status" -> "HER2 status";
            case "primary-diagnosis-date" -> "date of the breast cancer diagnosis";
            case "metastasis-diagnosis-date" -> "date of each metastasis";
            case "lesion-count" -> "number of lesions";
            case "axillary-node-laterality" -> "side of the axillary node";
            case "disease-status" -> "progressing or stable on imaging";
            default -> missing.code().replace('-', ' ');
        };
    }

    Source source(Assessment a) {
        return new Source(serviceLabel + " (knowledge " + a.knowledgeVersion() + ")",
                Evidence.MERLONI_2023.url(), null, null);
    }

    private Suggestion suggestion(String label, boolean recommended, String description, JsonNode resource) {
        return new Suggestion(label, UUID.randomUUID().toString(), recommended,
                List.of(new Action("create", description, resource, null)));
    }

    private JsonNode serviceRequest(String patientId, String categoryCode, String categoryDisplay, String what,
                                    Assessment a) {
        ServiceRequest request = new ServiceRequest();
        request.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        request.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        request.addCategory(new CodeableConcept(new Coding(SNOMED, categoryCode, categoryDisplay)));
        request.setCode(new CodeableConcept().setText(what));
        request.setSubject(new Reference("Patient/" + patientId));
        for (Lesion lesion : a.burden().current()) {
            request.addReasonReference(new Reference("Condition/" + lesion.conditionId()));
        }
        try {
            return json.readTree(fhir.encode(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("HAPI wrote JSON that Jackson cannot read", e);
        }
    }
}
