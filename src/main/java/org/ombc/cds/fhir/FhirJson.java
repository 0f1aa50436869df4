package org.ombc.cds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler.IParseLocation;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR R4 JSON through HAPI's parser. Lenient about unknown elements (EHRs add their own), silent about them in
 * the log (their messages can quote content), strict about what is not FHIR at all.
 */
public final class FhirJson {

    private final FhirContext context;

    public FhirJson(FhirContext context) {
        this.context = context;
    }

    public FhirContext context() {
        return context;
    }

    private IParser parser(StructuralErrorHandler errors) {
        // A resource keeps its own id: whose data it is may depend on it, and the fullUrl is kept beside it
        // (FhirEntry). HAPI would otherwise replace it by a urn:uuid fullUrl when reading a JSON tree.
        return context.newJsonParser().setParserErrorHandler(errors).setOverrideResourceIdWithBundleEntryFullUrl(false);
    }

    /**
     * Unknown elements and unparseable primitive values are tolerated (EHRs add their own, and one bad date must
     * not hide a chart), but JSON of the wrong structure (an object where an array belongs) is not FHIR.
     */
    private static final class StructuralErrorHandler extends LenientErrorHandler {
        /** Set when some value could not be read: only then are the parsed resources searched for it. */
        boolean sawUnreadableValue;

        StructuralErrorHandler() {
            super(false);
            // An unreadable value ("2019-13-45") leaves its element without a value: ignored and named on the
            // data-quality card (UnreadableDates), never a failure of the whole prefetch key.
            setErrorOnInvalidValue(false);
        }

        @Override
        public void incorrectJsonType(
                IParseLocation location,
                String elementName,
                ValueType expected,
                ScalarType expectedScalarType,
                ValueType found,
                ScalarType foundScalarType) {
            if (expected == ValueType.SCALAR && found == ValueType.SCALAR) {
                // A number where a date string belongs (or the reverse) is one unreadable value, not a document
                // of the wrong shape: read as text, an invalid value is dropped and named (UnreadableDates).
                sawUnreadableValue = true;
                return;
            }
            throw new DataFormatException("element '" + elementName + "' has the wrong JSON type");
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            sawUnreadableValue = true;
            super.invalidValue(location, value, error);
        }
    }

    /**
     * Parses one resource; throws {@link NotFhirException} for anything HAPI cannot read, never naming the
     * content.
     */
    public IBaseResource parse(String json) {
        StructuralErrorHandler errors = new StructuralErrorHandler();
        try {
            IBaseResource parsed = parser(errors).parseResource(json);
            return UnreadableDates.markedIf(errors.sawUnreadableValue, parsed);
        } catch (RuntimeException e) {
            // HAPI answers some malformed input (an entry resource that is not an object, an extension array
            // holding a string) with a NullPointerException or ClassCastException: all of it is "not FHIR".
            throw new NotFhirException(e);
        }
    }

    /**
     * Parses one resource from JSON the request reader already built: HAPI walks the Jackson tree directly, so the
     * prefetch is never written back to text and read a second time. Same tolerance as {@link #parse(String)}.
     */
    public IBaseResource parse(JsonNode json) {
        if (!(json instanceof ObjectNode object)) {
            throw new NotFhirException(new DataFormatException("a FHIR resource is a JSON object"));
        }
        JacksonStructure structure = new JacksonStructure();
        structure.setNativeObject(object);
        StructuralErrorHandler errors = new StructuralErrorHandler();
        try {
            IBaseResource parsed = keepOwnIds(((IJsonLikeParser) parser(errors)).parseResource(structure), object);
            return UnreadableDates.markedIf(errors.sawUnreadableValue, parsed);
        } catch (RuntimeException e) {
            // As for text: HAPI's NullPointerException or ClassCastException on malformed input is "not FHIR".
            throw new NotFhirException(e);
        }
    }

    /**
     * Reading a JSON tree, HAPI replaces the id of a Bundle entry's resource by the entry's {@code urn:uuid:}
     * fullUrl (reading text, it does not). Whose data a record is depends on the Patient's own id, and the
     * fullUrl is kept beside it ({@link FhirEntry}): the ids the sender wrote are put back.
     */
    private static IBaseResource keepOwnIds(IBaseResource parsed, ObjectNode tree) {
        JsonNode entries = tree.get("entry");
        if (parsed instanceof Bundle bundle
                && entries != null
                && entries.isArray()
                && entries.size() == bundle.getEntry().size()) {
            for (int i = 0; i < entries.size(); i++) {
                JsonNode id = entries.get(i).path("resource").path("id");
                Resource resource = bundle.getEntry().get(i).getResource();
                if (resource != null
                        && id.isTextual()
                        && !id.asText().equals(resource.getIdElement().getIdPart())) {
                    resource.setId(new IdType(resource.fhirType(), id.asText()));
                }
            }
        }
        return parsed;
    }

    public String encode(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }

    /** A resource, or a Bundle's entry resources (search outcome entries left out). */
    public static List<Resource> resourcesOf(IBaseResource parsed) {
        List<Resource> out = new ArrayList<>();
        for (FhirEntry entry : entriesOf(parsed)) {
            out.add(entry.resource());
        }
        return out;
    }

    /**
     * A resource, or a Bundle's entries (search outcome entries left out), each with its {@code fullUrl}: whose
     * data a resource is may be said by that fullUrl (clinical-rules 8). A resource without an id takes the
     * fullUrl as its id, so that it can be named and de-duplicated.
     */
    public static List<FhirEntry> entriesOf(IBaseResource parsed) {
        List<FhirEntry> out = new ArrayList<>();
        if (parsed instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource resource = entry.getResource();
                if (resource == null
                        || (resource instanceof OperationOutcome
                                && entry.getSearch().getMode() == Bundle.SearchEntryMode.OUTCOME)) {
                    continue;
                }
                String fullUrl = entry.hasFullUrl() ? entry.getFullUrl() : null;
                if ((!resource.hasIdElement() || resource.getIdElement().isEmpty()) && fullUrl != null) {
                    resource.setId(fullUrl);
                }
                out.add(new FhirEntry(resource, fullUrl));
            }
        } else if (parsed instanceof Resource resource) {
            out.add(new FhirEntry(resource, null));
        }
        return out;
    }

    /** What the client sent is not FHIR R4 JSON. */
    public static final class NotFhirException extends RuntimeException {
        NotFhirException(Throwable cause) {
            super("not valid FHIR R4 JSON", cause);
        }
    }
}
