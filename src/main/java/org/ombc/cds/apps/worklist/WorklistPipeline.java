package org.ombc.cds.apps.worklist;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import org.ombc.cds.chart.ChartAssessment;
import org.ombc.cds.chart.fetch.PatientDataService;
import org.ombc.cds.chart.mapping.FhirToOmbc;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.knowledge.ProfilePackage;
import org.ombc.cds.knowledge.ProfilePackageLoader;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.logic.OmbcAssessor;

/**
 * The chart pipeline as the service builds it (OmbcConfiguration, KnowledgeConfiguration), without Spring: the
 * command line starts in a second and reads the same {@code fhir-profiles/} the jar carries. No FHIR server is
 * ever called: a worklist's charts are complete in the export.
 */
public record WorklistPipeline(FhirJson fhir, ChartAssessment charts) {

    public static WorklistPipeline fromClasspath(Clock clock) {
        FhirJson fhir = new FhirJson(FhirContext.forR4Cached());
        ProfilePackage profiles = ProfilePackageLoader.load(fhir);
        Terminology terminology = profiles.terminology();
        ChartAssessment charts = new ChartAssessment(
                new PatientDataService(fhir, null, null),
                new FhirToOmbc(terminology, clock),
                new OmbcAssessor(terminology.knowledgeVersion(), profiles.trials()));
        return new WorklistPipeline(fhir, charts);
    }
}
