package org.ombc.cds.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.ombc.cds.cards.FullDetail;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.DiseaseBurden;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.model.PrimaryTumour;
import org.ombc.cds.model.Site;
import org.ombc.cds.model.StagedMetastasis;
import org.ombc.cds.privacy.Hashes;

/**
 * The assessment behind a main card, kept in the audit instead of its full-evidence page: the page is rendered on
 * demand from it ({@link #page}), the same text the card's call would have rendered (a test checks every sandbox
 * vignette). Stored once per distinct assessment under the SHA-256 of its encoding, like the pages before it.
 *
 * <p>The encoding is the assessment's JSON, deflated and in Base64 (portable text for every store). It holds no
 * patient or record id: the patient id and the Condition ids are left out, and the mapper's notes are kept as the
 * page shows them, without the record ids they may name ({@link FullDetail#pageNotes}).
 */
public final class AssessmentSnapshot {

    /** An encoded assessment: its hash (the key it is stored under), the text stored, the knowledge it used. */
    public record Encoded(String hash, String body, String knowledgeVersion) {}

    @JsonIgnoreProperties({"patientId"})
    private abstract static class NoPatientId {}

    @JsonIgnoreProperties({"conditionId"})
    private abstract static class NoConditionId {}

    @JsonIgnoreProperties({"source"})
    private abstract static class NoObservationId {}

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // Record components only (the fields): derived values such as isNegative() are not state.
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
            // The same assessment always gives the same bytes, hence the same hash (findings are a Map).
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(OmbcRecord.class, NoPatientId.class)
            .addMixIn(Lesion.class, NoConditionId.class)
            .addMixIn(PrimaryTumour.class, NoConditionId.class)
            .addMixIn(StagedMetastasis.class, NoObservationId.class)
            .build();
    private static final ObjectWriter WRITER = JSON.writerFor(Assessment.class);
    private static final ObjectReader READER = JSON.readerFor(Assessment.class);

    private AssessmentSnapshot() {}

    public static Encoded encode(Assessment a) {
        OmbcRecord r = a.record();
        OmbcRecord withPageNotes = new OmbcRecord(
                null,
                r.primary(),
                r.lesions(),
                r.er(),
                r.pr(),
                r.her2(),
                r.nodesAtDiagnosis(),
                r.diseaseStatuses(),
                r.therapies(),
                r.imagingDates(),
                r.primaryResected(),
                FullDetail.pageNotes(r.notes()),
                r.staged(),
                r.unreadCancer());
        Assessment stored = new Assessment(
                a.breastCancer(),
                a.metastatic(),
                a.lesionCount(),
                a.organCount(),
                a.sites(),
                a.oligometastatic(),
                a.estroEortcState(),
                a.subtype(),
                a.diseaseFreeIntervalMonths(),
                a.favorableFactors(),
                a.unfavorableFactors(),
                a.recommendations(),
                a.missingData(),
                a.knowledgeVersion(),
                a.trials(),
                a.findings(),
                a.burden(),
                withPageNotes);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
                WRITER.writeValue(z, stored);
            } finally {
                deflater.end();
            }
            String body = Base64.getEncoder().encodeToString(out.toByteArray());
            return new Encoded(Hashes.sha256(body), body, a.knowledgeVersion());
        } catch (IOException e) {
            throw new UncheckedIOException("an assessment could not be written as JSON", e);
        }
    }

    /** The stored assessment; its record's notes are in page form, its patient and Condition ids absent. */
    public static Assessment decode(String body) {
        try (InflaterInputStream in = new InflaterInputStream(
                new java.io.ByteArrayInputStream(Base64.getDecoder().decode(body)))) {
            Assessment a = READER.readValue(in);
            DiseaseBurden b = a.burden();
            // JSON has no EnumSet: back to the site order the logic built.
            DiseaseBurden burden = new DiseaseBurden(
                    b.current(),
                    b.lesionCount(),
                    b.sites().isEmpty() ? EnumSet.noneOf(Site.class) : EnumSet.copyOf(b.sites()),
                    b.unknownSideAxillary(),
                    b.undatedCurrent(),
                    b.polymetastaticHistory(),
                    b.omdHistory(),
                    b.omd(),
                    b.firstMetastasis(),
                    b.peakActive(),
                    b.anyPast(),
                    b.stagedOnly());
            return new Assessment(
                    a.breastCancer(),
                    a.metastatic(),
                    a.lesionCount(),
                    a.organCount(),
                    a.sites(),
                    a.oligometastatic(),
                    a.estroEortcState(),
                    a.subtype(),
                    a.diseaseFreeIntervalMonths(),
                    a.favorableFactors(),
                    a.unfavorableFactors(),
                    a.recommendations(),
                    a.missingData(),
                    a.knowledgeVersion(),
                    a.trials(),
                    a.findings(),
                    burden,
                    a.record());
        } catch (IOException e) {
            throw new UncheckedIOException("a stored assessment could not be read", e);
        }
    }

    /** The full-evidence page of a stored assessment (markdown). */
    public static String page(String body) {
        return FullDetail.withPageNotes(decode(body));
    }
}
