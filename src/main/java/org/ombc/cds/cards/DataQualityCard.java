package org.ombc.cds.cards;

import java.util.List;
import java.util.UUID;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.MissingData;
import org.ombc.cds.logic.OligometastaticState;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.protocol.json.CdsHooksModel.Card;
import org.ombc.cds.protocol.json.CdsHooksModel.Source;

/** The data-quality card: what to record, and what could not be read, when either changes the decision. */
final class DataQualityCard {

    private DataQualityCard() {}

    /**
     * Missing data changes the decision only where a decision is open: oligometastatic yes or indeterminate, or
     * regional disease. For a polymetastatic patient the receptor status does not change "no local therapy".
     */
    static boolean changesDecision(Assessment a, List<String> problems) {
        if (a.missingData().isEmpty() && problems.isEmpty()) {
            return false;
        }
        return a.oligometastatic() != OligometastaticState.NO
                || a.recommends(Recommendation.REGIONAL_CURATIVE_TREATMENT);
    }

    static Card of(Assessment a, List<String> problems, Source source) {
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
            // Our own sentences, naming records by id and, where the code could not be placed, by the text and
            // code the clinician will find in the chart (clinical-rules 10).
            md.append("Not used as recorded:\n\n");
            for (String problem : problems) {
                md.append("- ").append(problem).append('\n');
            }
            md.append('\n');
        }
        if (!a.missingData().isEmpty()) {
            md.append("Until then no recommendation that depends on the missing items is made.\n");
        }
        if (!problems.isEmpty()) {
            // Records left out are not in the assessment at all: say so, never that nothing depends on them.
            md.append("Records not used may change the assessment: check the cards against the chart.\n");
        }
        String summary;
        if (a.missingData().isEmpty()) {
            summary = "Some patient records were not used as recorded: the OMBC assessment may be incomplete.";
        } else {
            String items = String.join(
                    ", ",
                    a.missingData().stream().map(DataQualityCard::missingLabel).toList());
            summary = "To complete the OMBC assessment, record: " + items;
            if (summary.length() >= CardSummary.SUMMARY_LIMIT) {
                summary = "To complete the OMBC assessment, record "
                        + a.missingData().size() + " missing items (see detail).";
            }
        }
        return new Card(
                UUID.randomUUID().toString(), summary, md.toString(), "info", source, null, null, null, null, null);
    }

    /**
     * The only card for a chart read as no metastatic breast cancer while records that may be her breast cancer or a
     * metastasis could not be read (an unplaced cancer code, a Condition that is only text, a metastasis beside
     * breast cancer recorded only as history or in situ): the records are named, nothing is recommended.
     */
    static Card unreadCancer(List<String> problems, Source source) {
        StringBuilder md = new StringBuilder("Records in this chart look like breast cancer or a metastasis but "
                + "could not be read, so the assessment for oligometastatic breast cancer may have missed her "
                + "disease.\n\nNot used as recorded:\n\n");
        for (String problem : problems) {
            md.append("- ").append(problem).append('\n');
        }
        md.append("\nIf this is breast cancer or a metastasis, record it with a code the service reads (see the data "
                + "contract), or check the chart yourself.\n");
        return new Card(
                UUID.randomUUID().toString(),
                "Cancer records could not be read: the OMBC assessment may be incomplete",
                md.toString(),
                "info",
                source,
                null,
                null,
                null,
                null,
                null);
    }

    /** What a clinician calls the missing item (the code stays in the ombc-assessment extension). */
    static String missingLabel(MissingData missing) {
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
}
