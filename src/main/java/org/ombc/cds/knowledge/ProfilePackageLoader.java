package org.ombc.cds.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ombc.cds.fhir.FhirJson;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reads {@code fhir-profiles/} from the classpath, where the build packages it. */
public final class ProfilePackageLoader {

    private ProfilePackageLoader() {}

    public static ProfilePackage load(FhirJson fhir) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<String> documents = new ArrayList<>();
        try {
            for (String folder : ProfilePackage.FOLDERS) {
                for (Resource file : resolver.getResources("classpath*:fhir-profiles/" + folder + "/*.json")) {
                    try (InputStream in = file.getInputStream()) {
                        documents.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read fhir-profiles from the classpath", e);
        }
        return ProfilePackage.parse(fhir, documents);
    }
}
