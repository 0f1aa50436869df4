package org.ombc.cds.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ValueSet;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.model.Terminology;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reads our CodeSystem and ValueSets from {@code fhir-profiles/}, packaged on the classpath by the build. */
public final class TerminologyLoader {

    private TerminologyLoader() {
    }

    public static Terminology load(FhirJson fhir) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            CodeSystem codeSystem = null;
            List<ValueSet> valueSets = new ArrayList<>();
            List<Resource> files = new ArrayList<>();
            files.addAll(List.of(resolver.getResources("classpath*:fhir-profiles/codesystems/*.json")));
            files.addAll(List.of(resolver.getResources("classpath*:fhir-profiles/valuesets/*.json")));
            for (Resource file : files) {
                IBaseResource parsed;
                try (InputStream in = file.getInputStream()) {
                    parsed = fhir.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                if (parsed instanceof ValueSet vs) {
                    valueSets.add(vs);
                } else if (parsed instanceof CodeSystem cs && "ombc".equals(cs.getIdElement().getIdPart())) {
                    codeSystem = cs;
                }
            }
            if (codeSystem == null) {
                throw new IllegalStateException("fhir-profiles/codesystems/CodeSystem-ombc.json is not on the classpath");
            }
            return Terminology.of(codeSystem, valueSets);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read fhir-profiles from the classpath", e);
        }
    }
}
