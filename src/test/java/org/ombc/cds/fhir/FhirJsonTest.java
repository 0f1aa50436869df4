package org.ombc.cds.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.Vignettes;

/** Parsing a prefetch value from the request's Jackson tree behaves as parsing its text did. */
class FhirJsonTest {

    private static final ObjectReader REQUEST = new ObjectMapper()
            .reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(JsonNodeFactory.withExactBigDecimals(true));

    private static JsonNode tree(String json) throws Exception {
        return REQUEST.readTree(json);
    }

    @Test
    void aTreeParsesToTheSameResourceAsItsText() throws Exception {
        String text = """
                {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Observation",
                 "id":"o1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},
                 "subject":{"reference":"Patient/p1"},"effectiveDateTime":"2021-03-20",
                 "valueQuantity":{"value":18.50,"unit":"mm"},"_status":{"extension":[{"url":"http://x","valueBoolean":true}]}}}]}
                """;
        var fromTree = Vignettes.FHIR.parse(tree(text));
        var fromText = Vignettes.FHIR.parse(text);
        assertThat(Vignettes.FHIR.encode(fromTree)).isEqualTo(Vignettes.FHIR.encode(fromText));
        Observation obs = (Observation) FhirJson.resourcesOf(fromTree).get(0);
        assertThat(obs.getValueQuantity().getValueElement().getValueAsString())
                .as("FHIR decimals keep their precision")
                .isEqualTo("18.50");
    }

    @Test
    void unknownElementsAndUnreadableValuesAreToleratedAlikeFromTextAndTree() throws Exception {
        Patient patient = (Patient) Vignettes.FHIR.parse(
                tree("{\"resourceType\":\"Patient\",\"id\":\"p1\",\"ehrOwnElement\":{\"x\":1},\"gender\":\"female\"}"));
        assertThat(patient.getIdPart()).isEqualTo("p1");
        // One unreadable date must not make the whole resource unreadable (issue 11): kept as text without a
        // value, then removed and named by UnreadableDates.
        String badDate = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"not a date\"}";
        for (Patient parsed : java.util.List.of(
                (Patient) Vignettes.FHIR.parse(badDate), (Patient) Vignettes.FHIR.parse(tree(badDate)))) {
            assertThat(parsed.getBirthDate()).isNull();
            assertThat(UnreadableDates.clear(java.util.List.of(parsed)))
                    .containsExactly(
                            "Patient p1 has a date that cannot be read (birthDate): it was ignored; correct it in the record.");
            assertThat(parsed.hasBirthDateElement()).isFalse();
        }
    }

    /** Only resources the parser marked are searched: every form of unreadable date must mark them. */
    @Test
    void aNumberWhereADateBelongsAndABadDateInALaterBundleEntryAreBothNamed() throws Exception {
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"1960-06-15\"}},"
                + "{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"c1\",\"onsetDateTime\":20190101}},"
                + "{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"c2\",\"onsetDateTime\":\"2019-02-30\"}}]}";
        for (var parsed : java.util.List.of(Vignettes.FHIR.parse(bundle), Vignettes.FHIR.parse(tree(bundle)))) {
            assertThat(UnreadableDates.clear(FhirJson.resourcesOf(parsed)))
                    .containsExactly(
                            "Condition c1 has a date that cannot be read (onset): it was ignored; correct it in the record.",
                            "Condition c2 has a date that cannot be read (onset): it was ignored; correct it in the record.");
        }
        String clean = "{\"resourceType\":\"Condition\",\"id\":\"c3\",\"onsetDateTime\":\"2019-02\"}";
        assertThat(UnreadableDates.clear(FhirJson.resourcesOf(Vignettes.FHIR.parse(tree(clean)))))
                .isEmpty();
    }

    @Test
    void jsonOfTheWrongStructureIsNotFhir() throws Exception {
        JsonNode wrongType = tree("{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":{\"family\":\"x\"}}");
        assertThatThrownBy(() -> Vignettes.FHIR.parse(wrongType)).isInstanceOf(FhirJson.NotFhirException.class);
        JsonNode noType = tree("{\"id\":\"p1\"}");
        assertThatThrownBy(() -> Vignettes.FHIR.parse(noType)).isInstanceOf(FhirJson.NotFhirException.class);
        JsonNode unknownType = tree("{\"resourceType\":\"NoSuchThing\"}");
        assertThatThrownBy(() -> Vignettes.FHIR.parse(unknownType)).isInstanceOf(FhirJson.NotFhirException.class);
        assertThatThrownBy(() -> Vignettes.FHIR.parse(tree("[1]"))).isInstanceOf(FhirJson.NotFhirException.class);
    }
}
