package org.ombc.cds.knowledge.terminologyserver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.ValueSet;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;
import org.ombc.cds.model.Site;

/**
 * The concept families a code met in each chart element may belong to, read from our published ValueSets: the
 * ValueSets the mapper reads that element with. Ids not in the package are left out.
 */
final class ConceptFamilies {

    static final String SNOMED = "http://snomed.info/sct";

    /** clinical-rules 10: breast cancer is 254837009 Malignant neoplasm of breast and all its descendants. */
    static final String BREAST_CANCER_ROOT = "254837009";
    /** clinical-rules 10: a distant metastasis is 128462008 Secondary malignant neoplastic disease and descendants. */
    static final String METASTASIS_ROOT = "128462008";

    private static final Set<String> IS_A = Set.of("is-a", "descendent-of");
    private static final List<String> OBSERVATION_CODES = List.of(
            ValueSetId.ER_TEST.id(),
            ValueSetId.PR_TEST.id(),
            ValueSetId.HER2_TEST.id(),
            ValueSetId.HER2_ISH_RATIO.id(),
            ValueSetId.STAGING_M_CATEGORY.id(),
            ValueSetId.STAGE_GROUP.id());
    private static final List<String> OBSERVATION_VALUES = List.of(
            ValueSetId.RESULT_POSITIVE.id(),
            ValueSetId.RESULT_NEGATIVE.id(),
            ValueSetId.HER2_IHC_POSITIVE.id(),
            ValueSetId.HER2_IHC_NEGATIVE.id(),
            ValueSetId.HER2_IHC_EQUIVOCAL.id(),
            ValueSetId.HER2_ISH_AMPLIFIED.id(),
            ValueSetId.HER2_ISH_NOT_AMPLIFIED.id(),
            ValueSetId.M1_CATEGORY.id(),
            ValueSetId.STAGE_IV.id());

    /**
     * ValueSets the mapper also reads an element with, that the server is not asked about: a code they hold is
     * already placed (a breast's side, a lesion count, a progression answer), so asking about it would be wasted.
     */
    private static final Map<ChartElement, List<String>> PLACED_ELSEWHERE = Map.of(
            ChartElement.CONDITION_CODE, List.of(ValueSetId.BREAST_CANCER_EXCLUDED.id()),
            ChartElement.CONDITION_BODY_SITE,
                    List.of(
                            ValueSetId.BODY_SITE_BREAST.id(),
                            ValueSetId.LATERALITY_LEFT.id(),
                            ValueSetId.LATERALITY_RIGHT.id()),
            ChartElement.OBSERVATION_CODE,
                    List.of(
                            ValueSetId.LESION_COUNT.id(),
                            ValueSetId.LESION_SIZE.id(),
                            ValueSetId.N_CATEGORY.id(),
                            ValueSetId.DISEASE_STATUS.id()),
            ChartElement.OBSERVATION_VALUE,
                    List.of(ValueSetId.DISEASE_PROGRESSING.id(), ValueSetId.DISEASE_NOT_PROGRESSING.id()));

    private final Map<ChartElement, List<ConceptFamily>> byElement;
    private final Map<ChartElement, List<String>> placing;

    private ConceptFamilies(Map<ChartElement, List<ConceptFamily>> byElement, Map<ChartElement, List<String>> placing) {
        this.byElement = byElement;
        this.placing = placing;
    }

    static ConceptFamilies of(Collection<ValueSet> published) {
        Map<String, ValueSet> byId = published.stream()
                .collect(Collectors.toMap(vs -> vs.getIdElement().getIdPart(), Function.identity(), (a, b) -> a));
        Map<ChartElement, List<ConceptFamily>> families = new EnumMap<>(ChartElement.class);

        List<ConceptFamily> conditionCode = new ArrayList<>();
        conditionCode.add(new ConceptFamily(ValueSetId.PRIMARY_BREAST_CANCER.id(), List.of(BREAST_CANCER_ROOT)));
        conditionCode.add(new ConceptFamily(ValueSetId.METASTASIS.id(), List.of(METASTASIS_ROOT)));
        List<ConceptFamily> bodySite = new ArrayList<>();
        for (Site site : ValueSetId.CODED_SITES) {
            bySnomedRoots(byId, ValueSetId.metastasisCode(site), conditionCode);
            bySnomedRoots(byId, ValueSetId.bodySite(site), bodySite);
        }
        bySnomedRoots(byId, ValueSetId.BODY_SITE_STERNUM.id(), bodySite);
        families.put(ChartElement.CONDITION_CODE, List.copyOf(conditionCode));
        families.put(ChartElement.CONDITION_BODY_SITE, List.copyOf(bodySite));
        families.put(ChartElement.OBSERVATION_CODE, byValidation(byId, OBSERVATION_CODES));
        families.put(ChartElement.OBSERVATION_VALUE, byValidation(byId, OBSERVATION_VALUES));
        families.put(ChartElement.MEDICATION, byValidation(byId, List.of(ValueSetId.SYSTEMIC_THERAPY.id())));
        Map<ChartElement, List<String>> placing = new EnumMap<>(ChartElement.class);
        for (ChartElement element : ChartElement.values()) {
            List<String> ids = new ArrayList<>();
            families.getOrDefault(element, List.of()).forEach(family -> ids.add(family.valueSetId()));
            PLACED_ELSEWHERE.getOrDefault(element, List.of()).stream()
                    .filter(byId::containsKey)
                    .forEach(ids::add);
            placing.put(element, List.copyOf(ids));
        }
        return new ConceptFamilies(families, placing);
    }

    /** The families a code met in {@code element} may belong to: the server is asked about these. */
    List<ConceptFamily> of(ChartElement element) {
        return byElement.getOrDefault(element, List.of());
    }

    /** Every ValueSet that places a code met in {@code element}: one that holds the code means it is not asked. */
    List<String> placing(ChartElement element) {
        return placing.getOrDefault(element, List.of());
    }

    /** A site family whose published definition names SNOMED concepts; one that names none is not asked. */
    private static void bySnomedRoots(Map<String, ValueSet> byId, String id, List<ConceptFamily> into) {
        ValueSet vs = byId.get(id);
        if (vs != null) {
            List<String> roots = snomedRoots(vs);
            if (!roots.isEmpty()) {
                into.add(new ConceptFamily(id, roots));
            }
        }
    }

    private static List<ConceptFamily> byValidation(Map<String, ValueSet> byId, List<String> ids) {
        return ids.stream()
                .filter(byId::containsKey)
                .map(id -> new ConceptFamily(id, List.of()))
                .toList();
    }

    /**
     * The SNOMED concepts a ValueSet's definition (compose) is built on: the values of its is-a filters where it has
     * them (the intensional family), else the concepts it includes one by one. The expansion is not read: its
     * descendants are what the published list already holds.
     */
    static List<String> snomedRoots(ValueSet vs) {
        List<String> filtered = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        for (ValueSet.ConceptSetComponent include : vs.getCompose().getInclude()) {
            if (!SNOMED.equals(Terminology.normaliseSystem(include.getSystem()))) {
                continue;
            }
            for (ValueSet.ConceptSetFilterComponent filter : include.getFilter()) {
                if (filter.hasOp() && IS_A.contains(filter.getOp().toCode()) && filter.hasValue()) {
                    filtered.add(filter.getValue().trim());
                }
            }
            for (ValueSet.ConceptReferenceComponent concept : include.getConcept()) {
                listed.add(concept.getCode().trim());
            }
        }
        return (filtered.isEmpty() ? listed : filtered).stream().distinct().toList();
    }
}
