package org.ombc.cds.support;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.hl7.fhir.r4.model.Bundle;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.cards.AssessmentJson;
import org.ombc.cds.chart.mapping.FhirToOmbc;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.knowledge.ProfilePackage;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.OmbcAssessor;

/**
 * Runs a vignette the way the service does, without Spring: the Bundle is written to FHIR JSON, parsed back by
 * HAPI, mapped with the terminology of {@code fhir-profiles/} and assessed.
 */
public final class Vignettes {

    public static final FhirJson FHIR = new FhirJson(FhirContext.forR4Cached());
    public static final ProfilePackage PROFILES = ProfilePackage.fromDirectory(FHIR, Path.of("fhir-profiles"));
    public static final Terminology TERMINOLOGY = PROFILES.terminology();
    /** The vignettes' "today": dates after it (plus one day) are errors in the record. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    public static final Clock CLOCK =
            Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    private static final FhirToOmbc MAPPER = new FhirToOmbc(TERMINOLOGY, CLOCK);
    private static final OmbcAssessor ASSESSOR = new OmbcAssessor(TERMINOLOGY.knowledgeVersion(), PROFILES.trials());

    private Vignettes() {}

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
        return ProfilePackage.fromDirectory(FHIR, dir).terminology();
    }
}
