package org.ombc.cds.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.ombc.cds.fhir.FhirJson;

/**
 * Our published FHIR artefacts ({@code fhir-profiles/}): the CodeSystem, the ValueSets, the profiles and the
 * trials (ResearchStudy, clinical-rules 8). The service's terminology, its trial list and its validator are all
 * built from this one package.
 */
public record ProfilePackage(
        CodeSystem codeSystem,
        List<ValueSet> valueSets,
        List<StructureDefinition> profiles,
        List<ResearchStudy> researchStudies) {

    public static final List<String> FOLDERS =
            List.of("codesystems", "valuesets", "structuredefinitions", "researchstudies");

    public ProfilePackage {
        valueSets = List.copyOf(valueSets);
        profiles = List.copyOf(profiles);
        researchStudies = List.copyOf(researchStudies);
    }

    /** Parses JSON documents; fails when our CodeSystem is absent. */
    public static ProfilePackage parse(FhirJson fhir, List<String> documents) {
        CodeSystem codeSystem = null;
        List<ValueSet> valueSets = new ArrayList<>();
        List<StructureDefinition> profiles = new ArrayList<>();
        List<ResearchStudy> studies = new ArrayList<>();
        for (String document : documents) {
            IBaseResource parsed = fhir.parse(document);
            if (parsed instanceof ValueSet vs) {
                valueSets.add(vs);
            } else if (parsed instanceof StructureDefinition sd) {
                profiles.add(sd);
            } else if (parsed instanceof ResearchStudy study) {
                studies.add(study);
            } else if (parsed instanceof CodeSystem cs
                    && "ombc".equals(cs.getIdElement().getIdPart())) {
                codeSystem = cs;
            }
        }
        if (codeSystem == null) {
            throw new IllegalStateException("fhir-profiles/codesystems/CodeSystem-ombc.json is missing");
        }
        return new ProfilePackage(codeSystem, valueSets, profiles, studies);
    }

    /** Reads the package from a checkout's {@code fhir-profiles/} folder (tests, tools). */
    public static ProfilePackage fromDirectory(FhirJson fhir, Path dir) {
        List<String> documents = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> files = Files.list(dir.resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    documents.add(Files.readString(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return parse(fhir, documents);
    }

    public Terminology terminology() {
        return Terminology.of(codeSystem, valueSets);
    }

    /** Our trials as the logic reads them; fails, naming the study, when one cannot be read. */
    public List<org.ombc.cds.logic.Trial> trials() {
        return researchStudies.stream()
                .map(s -> TrialDefinitions.toTrial(
                        s, "fhir-profiles ResearchStudy/" + s.getIdElement().getIdPart()))
                .toList();
    }
}
