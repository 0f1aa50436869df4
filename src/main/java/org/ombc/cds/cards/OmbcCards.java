package org.ombc.cds.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.fhir.ResourceIds;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.Evidence;
import org.ombc.cds.logic.OligometastaticState;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.protocol.json.CdsHooksModel.Action;
import org.ombc.cds.protocol.json.CdsHooksModel.Card;
import org.ombc.cds.protocol.json.CdsHooksModel.Link;
import org.ombc.cds.protocol.json.CdsHooksModel.Source;
import org.ombc.cds.protocol.json.CdsHooksModel.Suggestion;

/**
 * Turns an assessment into patient-view cards: silence without metastatic breast cancer; otherwise one main card
 * (warning when oligometastatic, else info), and a data-quality card only when missing or unreadable data changes
 * the decision.
 */
public final class OmbcCards {

    public static final String EXTENSION_KEY = "ombc-assessment";
    private static final String SNOMED = "http://snomed.info/sct";

    private final FhirJson fhir;
    private final ObjectMapper json;
    private final List<org.ombc.cds.protocol.json.CdsHooksModel.Coding> overrideReasons;
    private final String serviceLabel;
    private final Function<String, Optional<String>> pageLinks;
    private final java.util.function.Supplier<Optional<String>> appLaunch;
    private final java.util.function.Supplier<Optional<String>> rulesPage;

    /** Override reasons are the ones published in ValueSet override-reasons, with their displays. */
    public OmbcCards(FhirJson fhir, ObjectMapper json, Terminology terminology, String serviceName) {
        this(fhir, json, terminology, serviceName, uuid -> Optional.empty());
    }

    /**
     * @param pageLinks the absolute URL of the full-evidence page of a card uuid ("How this was decided"), or
     *                  empty when none can be made now (then the card links the review instead)
     */
    public OmbcCards(
            FhirJson fhir,
            ObjectMapper json,
            Terminology terminology,
            String serviceName,
            Function<String, Optional<String>> pageLinks) {
        this(fhir, json, terminology, serviceName, pageLinks, Optional::empty);
    }

    /**
     * @param appLaunch the SMART launch URL of the tumour-board view ({@code /smart/launch}), which the EHR opens
     *                  with its {@code iss} and {@code launch}; empty when none can be made now
     */
    public OmbcCards(
            FhirJson fhir,
            ObjectMapper json,
            Terminology terminology,
            String serviceName,
            Function<String, Optional<String>> pageLinks,
            java.util.function.Supplier<Optional<String>> appLaunch) {
        this(fhir, json, terminology, serviceName, pageLinks, appLaunch, Optional::empty);
    }

    /**
     * @param rulesPage the absolute URL of the clinical rules the service applies ({@code /ombc/rules}), so that a
     *                  clinician can check which thresholds decided the card; empty when none can be made now
     */
    public OmbcCards(
            FhirJson fhir,
            ObjectMapper json,
            Terminology terminology,
            String serviceName,
            Function<String, Optional<String>> pageLinks,
            java.util.function.Supplier<Optional<String>> appLaunch,
            java.util.function.Supplier<Optional<String>> rulesPage) {
        this.pageLinks = pageLinks;
        this.appLaunch = appLaunch;
        this.rulesPage = rulesPage;
        this.fhir = fhir;
        this.json = json;
        this.overrideReasons = terminology.concepts(ValueSetId.OVERRIDE_REASONS).stream()
                .map(c -> new org.ombc.cds.protocol.json.CdsHooksModel.Coding(c.system(), c.code(), c.display()))
                .toList();
        this.serviceLabel = serviceName;
    }

    /**
     * The patient-view cards of an assessment: none unless the patient has metastatic breast cancer.
     *
     * @param problems what could not be read (optional keys, foreign resources, validation issues)
     */
    public List<Card> cards(Assessment assessment, String patientId, List<String> problems) {
        if (!assessment.breastCancer() || !assessment.metastatic()) {
            // A cancer the service could not read may be this patient's breast cancer or metastasis: say so rather
            // than stay silent (clinical-rules 10, "Nothing unknown is silent").
            return assessment.record().unreadCancer()
                    ? List.of(DataQualityCard.unreadCancer(problems, source(assessment)))
                    : List.of();
        }
        List<Card> cards = new ArrayList<>(2);
        cards.add(mainCard(assessment, patientId));
        if (DataQualityCard.changesDecision(assessment, problems)) {
            cards.add(DataQualityCard.of(assessment, problems, source(assessment)));
        }
        return cards;
    }

    private Card mainCard(Assessment a, String patientId) {
        List<Suggestion> suggestions = new ArrayList<>();
        if (a.recommends(Recommendation.MDT_DISCUSSION)) {
            tumourBoardReferral(patientId, a).ifPresent(suggestions::add);
        }
        // A draft order needs its subject, and an id that is not a FHIR id must not be copied into one.
        if (ResourceIds.isFhirId(patientId) && a.recommends(Recommendation.STAGING_IMAGING)) {
            suggestions.add(suggestion(
                    "Order PET-CT for staging",
                    true,
                    "Order: PET-CT staging",
                    serviceRequest(
                            patientId,
                            "363679005",
                            "Imaging",
                            "PET-CT, staging of metastatic breast cancer (oligometastatic assessment)",
                            a)));
            suggestions.add(suggestion(
                    "Order whole-body MRI for staging",
                    false,
                    "Order: whole-body MRI staging",
                    serviceRequest(
                            patientId,
                            "363679005",
                            "Imaging",
                            "Whole-body MRI, staging of metastatic breast cancer (oligometastatic assessment)",
                            a)));
        }
        String indicator = a.oligometastatic() == OligometastaticState.YES ? "warning" : "info";
        String uuid = UUID.randomUUID().toString();
        Link evidence = pageLinks
                .apply(uuid)
                .map(url -> new Link(FULL_EVIDENCE_LABEL, url, "absolute", null, null))
                .orElse(new Link("Review: Merloni et al. 2023", Evidence.MERLONI_2023.url(), "absolute", null, null));
        return new Card(
                uuid,
                CardSummary.of(a),
                CardDetail.of(a),
                indicator,
                source(a),
                suggestions.isEmpty() ? null : suggestions,
                suggestions.isEmpty() ? null : "any",
                OverrideReasons.fitting(a, overrideReasons),
                links(evidence),
                Map.of(EXTENSION_KEY, AssessmentJson.of(a)));
    }

    /**
     * The full evidence, then the tumour-board view (a SMART app the EHR launches) and the rules applied when their
     * URLs are known: at most three links, so that the card stays short.
     */
    private List<Link> links(Link evidence) {
        List<Link> links = new ArrayList<>(3);
        links.add(evidence);
        appLaunch.get().ifPresent(url -> links.add(new Link(TUMOUR_BOARD_LABEL, url, "smart", null, null)));
        rulesPage.get().ifPresent(url -> links.add(new Link(RULES_LABEL, url, "absolute", null, null)));
        return List.copyOf(links);
    }

    /** The label of the main card's link to the SMART tumour-board view. */
    public static final String TUMOUR_BOARD_LABEL = "Open tumour-board view";

    /** The label of the main card's link to the clinical rules the service applies ({@code /ombc/rules}). */
    public static final String RULES_LABEL = "Clinical rules applied";

    /** The label of the link to the card's full-evidence page. */
    public static final String FULL_EVIDENCE_LABEL = "How this was decided: full evidence";

    /** The full-evidence page of a main card: a pure function of the assessment, rendered again from the audit. */
    public static String fullDetail(Assessment a) {
        return FullDetail.of(a);
    }

    /**
     * The tumour-board referral, the same draft ServiceRequest on every card that suggests it (any hook); none when
     * the patient id is not a FHIR id (the order would have no valid subject). Sternal-only or contralateral
     * axillary disease is referred as regional disease, as the card's summary calls it (clinical-rules 6,
     * {@code regional-curative-treatment}).
     */
    Optional<Suggestion> tumourBoardReferral(String patientId, Assessment a) {
        if (!ResourceIds.isFhirId(patientId)) {
            return Optional.empty();
        }
        if (a.recommends(Recommendation.REGIONAL_CURATIVE_TREATMENT)) {
            String spread = CardKnowledge.allSternal(a) ? "sternal-only" : "contralateral axillary node-only";
            return Optional.of(suggestion(
                    "Refer to the multidisciplinary tumour board",
                    true,
                    "Referral: tumour board review of regional breast cancer spread (" + spread + ")",
                    serviceRequest(
                            patientId,
                            "3457005",
                            "Patient referral",
                            "Multidisciplinary tumour board review: " + spread + " breast cancer spread, regional "
                                    + "disease, regional treatment with curative intent",
                            a)));
        }
        return Optional.of(suggestion(
                "Refer to the multidisciplinary tumour board",
                true,
                "Referral: tumour board review of oligometastatic breast cancer",
                serviceRequest(
                        patientId,
                        "3457005",
                        "Patient referral",
                        "Multidisciplinary tumour board review: oligometastatic breast cancer, metastasis-directed "
                                + "therapy with curative intent",
                        a)));
    }

    Source source(Assessment a) {
        return new Source(
                serviceLabel + " (knowledge " + a.knowledgeVersion() + ")", Evidence.MERLONI_2023.url(), null, null);
    }

    private Suggestion suggestion(String label, boolean recommended, String description, JsonNode resource) {
        return new Suggestion(
                label,
                UUID.randomUUID().toString(),
                recommended,
                List.of(new Action("create", description, resource, null)));
    }

    private JsonNode serviceRequest(
            String patientId, String categoryCode, String categoryDisplay, String what, Assessment a) {
        ServiceRequest request = new ServiceRequest();
        request.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        request.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        request.addCategory(new CodeableConcept(new Coding(SNOMED, categoryCode, categoryDisplay)));
        request.setCode(new CodeableConcept().setText(what));
        request.setSubject(new Reference("Patient/" + patientId));
        for (Lesion lesion : a.burden().current()) {
            // A record whose id is not a FHIR id is left out: the order still stands without pointing at it.
            if (ResourceIds.isFhirId(lesion.conditionId())) {
                request.addReasonReference(new Reference("Condition/" + lesion.conditionId()));
            }
        }
        // HAPI's JSON goes into the answer as written: reading it back into a tree only to write it again cost a
        // measurable part of each call (issue 13's profile).
        return json.getNodeFactory().rawValueNode(new RawValue(fhir.encode(request)));
    }
}
