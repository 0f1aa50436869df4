package org.ombc.cds.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ValueSet;
import org.ombc.cds.cards.AssessmentJson;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.OmbcAssessor;
import org.ombc.cds.model.FhirToOmbc;
import org.ombc.cds.model.Terminology;

import ca.uhn.fhir.context.FhirContext;

/**
 * Runs a vignette the way the service does, without Spring: the Bundle is written to FHIR JSON, parsed back by
 * HAPI, mapped with the terminology of {@code fhir-profiles/} and assessed.
 */
public final class Vignettes {

    public static final FhirJson FHIR = new FhirJson(FhirContext.forR4Cached());
    public static final Terminology TERMINOLOGY = loadTerminology(Path.of("fhir-profiles"));
    private static final FhirToOmbc MAPPER = new FhirToOmbc(TERMINOLOGY);
    private static final OmbcAssessor ASSESSOR = new OmbcAssessor(TERMINOLOGY.knowledgeVersion());

    private Vignettes() {
    }

    public static Assessment assess(PatientBundle chart) {
        return assess(chart.bundle());
    }

    public static Assessment assess(Bundle bundle) {
        return assessJson(FHIR.encode(bundle));
    }

    public static Assessment assessJson(String bundleJson) {
        return ASSESSOR.assess(MAPPER.map(FhirJson.resourcesOf(FHIR.parse(bundleJson))));
    }

    public static AssessmentJson json(PatientBundle chart) {
        return AssessmentJson.of(assess(chart));
    }

    public static Terminology loadTerminology(Path dir) {
        try (Stream<Path> files = Stream.concat(Files.list(dir.resolve("valuesets")),
                Files.list(dir.resolve("codesystems")))) {
            CodeSystem codeSystem = null;
            List<ValueSet> valueSets = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                IBaseResource parsed = FHIR.parse(Files.readString(file));
                if (parsed instanceof ValueSet vs) {
                    valueSets.add(vs);
                } else if (parsed instanceof CodeSystem cs && "ombc".equals(cs.getIdElement().getIdPart())) {
                    codeSystem = cs;
                }
            }
            return Terminology.of(codeSystem, valueSets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
