package org.ombc.cds.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ValueSet;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.model.Site;

/**
 * Membership tests against the ValueSets published in {@code fhir-profiles/}. Built once at start from the
 * parsed files; lookups are hash and precompiled-pattern checks, safe to share between threads.
 *
 * <p>Real EHRs spell code systems in several ways (OIDs, WHO ICD-10 for ICD-10-CM codes) and write ICD-10 codes
 * with or without the dot; both are normalised here so that oddly coded data still counts.
 */
public final class Terminology {

    public static final String SNOMED = "http://snomed.info/sct";
    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String LOINC = "http://loinc.org";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    /** ICD-O-3, the system cancer Conditions code morphology in; its OID and older URL read as it. */
    public static final String ICD_O_3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";

    private static final Map<String, String> SYSTEM_ALIASES = Map.ofEntries(
            Map.entry("urn:oid:2.16.840.1.113883.6.96", SNOMED),
            Map.entry("http://snomed.info/id", SNOMED),
            Map.entry("urn:oid:2.16.840.1.113883.6.90", ICD10CM),
            Map.entry("http://hl7.org/fhir/sid/icd-10", ICD10CM),
            Map.entry("urn:oid:2.16.840.1.113883.6.3", ICD10CM),
            Map.entry("urn:oid:2.16.840.1.113883.6.1", LOINC),
            Map.entry("urn:oid:2.16.840.1.113883.6.88", RXNORM),
            Map.entry("urn:oid:2.16.840.1.113883.6.73", "http://www.whocc.no/atc"),
            Map.entry("urn:oid:2.16.840.1.113883.6.12", "http://www.ama-assn.org/go/cpt"),
            Map.entry(
                    "urn:oid:2.16.840.1.113883.5.83",
                    "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"),
            Map.entry(
                    "http://hl7.org/fhir/v3/ObservationInterpretation",
                    "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"),
            Map.entry("http://hl7.org/fhir/v2/0074", "http://terminology.hl7.org/CodeSystem/v2-0074"),
            Map.entry("urn:oid:2.16.840.1.113883.6.43.1", ICD_O_3),
            Map.entry("http://hl7.org/fhir/sid/icd-o-3", ICD_O_3));

    private final Map<String, Members> valueSets;
    private final String knowledgeVersion;

    private Terminology(Map<String, Members> valueSets, String knowledgeVersion) {
        this.valueSets = valueSets;
        this.knowledgeVersion = knowledgeVersion;
    }

    /**
     * This terminology with more members, for one chart: codes a site's terminology server placed in our ValueSets
     * ({@link TerminologyExtension}). The published members are shared, not copied.
     *
     * @param extra codings by ValueSet id; ids this terminology does not know are refused
     */
    public Terminology withMembers(Map<String, ? extends Collection<Coding>> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Map<String, Members> widened = new HashMap<>(valueSets);
        extra.forEach((id, codings) -> {
            Members base = members(id);
            Members more = base.copy();
            for (Coding coding : codings) {
                String system = normaliseSystem(coding.getSystem());
                more.add(system, normaliseCode(system, coding.getCode()));
            }
            widened.put(id, more);
        });
        return new Terminology(Map.copyOf(widened), knowledgeVersion);
    }

    /**
     * Builds the terminology from our CodeSystem and ValueSets; fails when a ValueSet the mapper needs is absent,
     * so a broken package never starts a service that would silently see nothing.
     */
    public static Terminology of(CodeSystem codeSystem, Collection<ValueSet> valueSets) {
        Map<String, Members> byId = new HashMap<>();
        for (ValueSet vs : valueSets) {
            Members members = new Members();
            // The expansion lists a concept family's members (clinical-rules 10); the compose then states how the
            // family is defined (is-a filters a terminology server can evaluate) and is not re-evaluated here.
            addExpansion(members, vs.getExpansion().getContains());
            boolean expanded = vs.getExpansion().hasContains();
            for (ValueSet.ConceptSetComponent include : vs.getCompose().getInclude()) {
                String system = normaliseSystem(include.getSystem());
                for (ValueSet.ConceptReferenceComponent concept : include.getConcept()) {
                    if (members.add(system, normaliseCode(system, concept.getCode()))) {
                        members.listed.add(new Concept(include.getSystem(), concept.getCode(), concept.getDisplay()));
                    }
                }
                for (ValueSet.ConceptSetFilterComponent filter : include.getFilter()) {
                    boolean regex = "regex".equals(filter.getOp().toCode()) && "code".equals(filter.getProperty());
                    if (!regex && expanded) {
                        continue;
                    }
                    if (!regex) {
                        throw new IllegalArgumentException("ValueSet "
                                + vs.getIdElement().getIdPart() + ": only 'code regex' filters are supported");
                    }
                    members.patterns
                            .computeIfAbsent(system, s -> new ArrayList<>())
                            .add(Pattern.compile(filter.getValue()));
                }
            }
            byId.put(vs.getIdElement().getIdPart(), members);
        }
        List<String> absent = new ArrayList<>();
        for (ValueSetId id : ValueSetId.values()) {
            if (!byId.containsKey(id.id())) {
                absent.add(id.id());
            }
        }
        for (Site site : ValueSetId.CODED_SITES) {
            for (String id : List.of(ValueSetId.metastasisCode(site), ValueSetId.bodySite(site))) {
                if (!byId.containsKey(id)) {
                    absent.add(id);
                }
            }
        }
        if (!absent.isEmpty()) {
            throw new IllegalStateException("fhir-profiles lacks ValueSets " + absent);
        }
        return new Terminology(Map.copyOf(byId), codeSystem.getVersion());
    }

    private static void addExpansion(Members members, List<ValueSet.ValueSetExpansionContainsComponent> contains) {
        for (ValueSet.ValueSetExpansionContainsComponent member : contains) {
            if (member.hasCode() && !member.getAbstract()) {
                String system = normaliseSystem(member.getSystem());
                if (members.add(system, normaliseCode(system, member.getCode()))) {
                    members.listed.add(new Concept(member.getSystem(), member.getCode(), member.getDisplay()));
                }
            }
            addExpansion(members, member.getContains());
        }
    }

    /** The version of our CodeSystem: the knowledge version every assessment carries. */
    public String knowledgeVersion() {
        return knowledgeVersion;
    }

    public boolean contains(ValueSetId valueSet, Coding coding) {
        return contains(valueSet.id(), coding);
    }

    public boolean contains(String valueSetId, Coding coding) {
        if (coding == null || !coding.hasCode()) {
            return false;
        }
        Members members = members(valueSetId);
        String system = normaliseSystem(coding.getSystem());
        String code = normaliseCode(system, coding.getCode());
        if (members.has(system, code)) {
            return true;
        }
        List<Pattern> patterns = members.patterns.get(system);
        if (patterns != null) {
            for (Pattern p : patterns) {
                if (p.matcher(code).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean containsAny(ValueSetId valueSet, CodeableConcept concept) {
        return containsAny(valueSet.id(), concept);
    }

    public boolean containsAny(String valueSetId, CodeableConcept concept) {
        if (concept == null) {
            return false;
        }
        for (Coding coding : concept.getCoding()) {
            if (contains(valueSetId, coding)) {
                return true;
            }
        }
        return false;
    }

    public boolean containsAny(ValueSetId valueSet, List<CodeableConcept> concepts) {
        for (CodeableConcept concept : concepts) {
            if (containsAny(valueSet, concept)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The codes a ValueSet lists one by one, as FHIR search tokens {@code system|code} in file order; pattern
     * members (ICD-10 chapters) are not listed.
     */
    public List<String> listedTokens(ValueSetId valueSet) {
        return concepts(valueSet).stream()
                .map(c -> key(c.system(), c.code()))
                .distinct()
                .toList();
    }

    /** A code a ValueSet lists one by one, with its display as published. */
    public record Concept(String system, String code, String display) {}

    /** The concepts a ValueSet lists one by one, in file order (pattern members are not listed). */
    public List<Concept> concepts(ValueSetId valueSet) {
        return List.copyOf(members(valueSet.id()).listed);
    }

    private Members members(String valueSetId) {
        Members members = valueSets.get(valueSetId);
        if (members == null) {
            throw new IllegalArgumentException("unknown ValueSet " + valueSetId);
        }
        return members;
    }

    /**
     * The one spelling of a code system this terminology uses (OIDs and other aliases resolved); a coding without a
     * system (null) matches only ValueSet members without one.
     */
    public static String normaliseSystem(@Nullable String system) {
        if (system == null) {
            return "";
        }
        String trimmed = system.trim();
        return SYSTEM_ALIASES.getOrDefault(trimmed, trimmed);
    }

    /** ICD-10 codes arrive as "C79.51", "c7951" or "C79.51 "; all mean the same code. */
    static String normaliseCode(String system, @Nullable String code) {
        String trimmed = code == null ? "" : code.trim();
        if (ICD10CM.equals(system)) {
            String upper = trimmed.toUpperCase(Locale.ROOT).replace(".", "");
            return upper.length() > 3 ? upper.substring(0, 3) + "." + upper.substring(3) : upper;
        }
        return trimmed;
    }

    private static String key(String system, String code) {
        return system + "|" + code;
    }

    private static final class Members {
        /**
         * Codes by system: a lookup hashes the coding's own system and code strings, whose hashes Java keeps, rather
         * than a new "system|code" string per question (the mapper asks many per chart).
         */
        final Map<String, Set<String>> codes = new HashMap<>();

        final Map<String, List<Pattern>> patterns = new HashMap<>();
        final List<Concept> listed = new ArrayList<>();

        boolean add(String system, String code) {
            return codes.computeIfAbsent(system, k -> new HashSet<>()).add(code);
        }

        boolean has(String system, String code) {
            Set<String> inSystem = codes.get(system);
            return inSystem != null && inSystem.contains(code);
        }

        Members copy() {
            Members copy = new Members();
            codes.forEach((system, set) -> copy.codes.put(system, new HashSet<>(set)));
            copy.patterns.putAll(patterns);
            copy.listed.addAll(listed);
            return copy;
        }
    }
}
