package org.ombc.cds.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.cards.AssessmentJson;
import org.ombc.cds.logic.EstroEortcState;
import org.ombc.cds.logic.Factor;
import org.ombc.cds.logic.MissingData;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.logic.Subtype;
import org.ombc.cds.model.Site;
import org.ombc.cds.support.Vignettes;

/** {@code fhir-profiles/assessment.schema.json} describes exactly what the service returns. */
class AssessmentSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schemaNode() throws IOException {
        return JSON.readTree(Files.readString(Path.of("fhir-profiles", "assessment.schema.json")));
    }

    @Test
    void theSchemaNamesExactlyTheContractFieldsInOrder() throws IOException {
        List<String> schemaFields = new ArrayList<>();
        schemaNode().get("properties").fieldNames().forEachRemaining(schemaFields::add);
        List<String> recordFields = Arrays.stream(AssessmentJson.class.getRecordComponents())
                .map(c -> c.getName())
                .toList();
        assertThat(schemaFields).containsExactlyElementsOf(recordFields);
        List<String> required = new ArrayList<>();
        schemaNode().get("required").forEach(n -> required.add(n.asText()));
        assertThat(required).containsExactlyElementsOf(recordFields);
    }

    @Test
    void theSchemaCodesAreTheServiceCodes() throws IOException {
        JsonNode p = schemaNode().get("properties");
        assertThat(enumOf(p.at("/recommendations/items/enum")))
                .isEqualTo(codes(Arrays.stream(Recommendation.values())
                        .map(Recommendation::code)
                        .toList()));
        assertThat(enumOf(p.at("/missingData/items/enum")))
                .isEqualTo(codes(Arrays.stream(MissingData.values())
                        .map(MissingData::code)
                        .toList()));
        List<String> factors = new ArrayList<>(enumOf(p.at("/favorableFactors/items/enum")));
        factors.addAll(enumOf(p.at("/unfavorableFactors/items/enum")));
        assertThat(Set.copyOf(factors))
                .isEqualTo(Set.copyOf(
                        Arrays.stream(Factor.values()).map(Factor::code).toList()));
        assertThat(enumOf(p.at("/sites/items/enum")))
                .isEqualTo(codes(Arrays.stream(Site.values()).map(Site::code).toList()));
        assertThat(enumOf(p.at("/estroEortcState/enum")))
                .containsAll(Arrays.stream(EstroEortcState.values())
                        .map(EstroEortcState::code)
                        .toList());
        assertThat(enumOf(p.at("/subtype/enum")))
                .containsAll(Arrays.stream(Subtype.values()).map(Subtype::code).toList());
    }

    @Test
    void everyKindOfAssessmentValidatesAgainstTheSchema() throws Exception {
        JsonSchema schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode());
        List<PatientBundle> charts = List.of(
                PatientBundle.patient("s1"),
                PatientBundle.patient("s2")
                        .primary("2018-01-01")
                        .luminal("2018-01-01")
                        .boneLesions(2, "2022-01-01"),
                PatientBundle.patient("s3").primary("2018-01-01").boneLesions(8, "2022-01-01"),
                PatientBundle.patient("s4").primary(null).metastasis("m", sct("128462008"), sct("68171009"), null),
                PatientBundle.patient("s5").primary("2018-01-01").tripleNegative("2018-01-01"));
        for (PatientBundle chart : charts) {
            JsonNode output = JSON.valueToTree(Vignettes.json(chart));
            Set<ValidationMessage> errors = schema.validate(output);
            assertThat(errors).as("%s against the schema", output).isEmpty();
        }
    }

    private static List<String> enumOf(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(n -> {
            if (!n.isNull()) {
                values.add(n.asText());
            }
        });
        return values.stream().sorted().toList();
    }

    private static List<String> codes(List<String> codes) {
        return codes.stream().sorted().toList();
    }
}
