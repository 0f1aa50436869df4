package org.ombc.cds.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.logic.OmbcAssessor;
import org.ombc.cds.logic.Trial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clinical knowledge the assessor reads: the knowledge version and the trials (clinical-rules 8), ours from
 * {@code fhir-profiles/researchstudies/} and a site's own from {@code ombc.knowledge.extra-dir}. A site file that
 * is not a valid {@code ombc-trial} ResearchStudy stops the start with a message naming the file: a trial list
 * silently missing a site's trial would be worse than no start.
 */
@Configuration(proxyBeanMethods = false)
public class KnowledgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeConfiguration.class);

    /** The trials the service checks, by NCT number; a site file replaces our definition of the same NCT. */
    public record TrialCatalogue(List<Trial> trials) {
        public TrialCatalogue {
            trials = List.copyOf(trials);
        }
    }

    @Bean
    TrialCatalogue trialCatalogue(ProfilePackage profiles, FhirJson fhir, KnowledgeProperties properties) {
        Map<String, Trial> byNct = new LinkedHashMap<>();
        for (Trial trial : profiles.trials()) {
            byNct.put(trial.nct(), trial);
        }
        if (properties.extraDir() != null) {
            List<Trial> extra = readExtraDir(properties.extraDir(), profiles, fhir);
            for (Trial trial : extra) {
                byNct.put(trial.nct(), trial);
            }
            log.info("knowledge: {} trial definition(s) read from {}", extra.size(), properties.extraDir());
        }
        return new TrialCatalogue(new ArrayList<>(byNct.values()));
    }

    @Bean
    OmbcAssessor ombcAssessor(Terminology terminology, TrialCatalogue catalogue) {
        return new OmbcAssessor(terminology.knowledgeVersion(), catalogue.trials());
    }

    /**
     * Every {@code *.json} file of {@code dir}: parsed, validated against R4 and our profiles (any error stops
     * the start), and read. Two files with the same NCT number are an error.
     */
    static List<Trial> readExtraDir(Path dir, ProfilePackage profiles, FhirJson fhir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("ombc.knowledge.extra-dir " + dir + " is not a readable directory");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "ombc.knowledge.extra-dir " + dir + " cannot be listed: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            return List.of();
        }
        FhirProfileValidator validator =
                ValidatorAvailability.profileValidator(fhir.context(), profiles, "ombc.knowledge.extra-dir");
        Map<String, Path> seen = new LinkedHashMap<>();
        List<Trial> trials = new ArrayList<>();
        for (Path file : files) {
            Trial trial = readTrialFile(file, validator, fhir);
            Path earlier = seen.put(trial.nct(), file);
            if (earlier != null) {
                throw new IllegalStateException(
                        "trial file " + file + ": " + trial.nct() + " is also defined in " + earlier.getFileName());
            }
            trials.add(trial);
        }
        return trials;
    }

    private static Trial readTrialFile(Path file, FhirProfileValidator validator, FhirJson fhir) {
        String what = "trial file " + file;
        IBaseResource parsed;
        String json;
        try {
            json = Files.readString(file);
            parsed = fhir.parse(json);
        } catch (IOException e) {
            throw new IllegalStateException(what + ": cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(what + ": not FHIR R4 JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof ResearchStudy study)) {
            throw new IllegalStateException(what + ": a " + parsed.fhirType() + ", not a ResearchStudy");
        }
        List<FhirProfileValidator.Issue> errors = validator.validate(json, TrialDefinitions.PROFILE).stream()
                .filter(FhirProfileValidator.Issue::isError)
                .toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException(what + ": not a valid " + TrialDefinitions.PROFILE + ": "
                    + errors.stream().limit(5).map(Object::toString).toList());
        }
        try {
            return TrialDefinitions.toTrial(study, file.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        }
    }
}
