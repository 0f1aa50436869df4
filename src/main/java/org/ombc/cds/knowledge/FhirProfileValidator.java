package org.ombc.cds.knowledge;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * HAPI's validator loaded with FHIR R4 core and our package. Code systems we cannot hold here (SNOMED CT, LOINC,
 * ICD-10-CM, RxNorm) are warnings, not errors: their codes are checked against our ValueSets' listed concepts.
 * Building it takes seconds, so the service builds it only when {@code ombc.validation.enabled}.
 */
public final class FhirProfileValidator {

    /** One finding: severity, where, and what. */
    public record Issue(String severity, String location, String message) {
        public boolean isError() {
            return severity.equals("error") || severity.equals("fatal");
        }

        @Override
        public String toString() {
            return severity + " at " + location + ": " + message;
        }
    }

    private final FhirValidator validator;
    private final ValidationSupportChain chain;

    public FhirProfileValidator(FhirContext context, ProfilePackage profiles) {
        PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(context);
        ours.addCodeSystem(profiles.codeSystem());
        for (ValueSet vs : profiles.valueSets()) {
            ours.addValueSet(vs);
        }
        for (StructureDefinition sd : profiles.profiles()) {
            ours.addStructureDefinition(sd);
        }
        UnknownCodeSystemWarningValidationSupport unknown = new UnknownCodeSystemWarningValidationSupport(context);
        unknown.setNonExistentCodeSystemSeverity(ca.uhn.fhir.context.support.IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                ours,
                new SnapshotGeneratingValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                unknown);
        this.chain = chain;
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setAnyExtensionsAllowed(true);
        this.validator = context.newValidator().registerValidatorModule(module);
    }

    /** A profile with its snapshot, generated from R4 core and its differential. */
    public StructureDefinition snapshotOf(StructureDefinition profile) {
        return (StructureDefinition) chain.generateSnapshot(
                new ca.uhn.fhir.context.support.ValidationSupportContext(chain),
                profile.copy(),
                profile.getUrl(),
                profile.getUrl(),
                profile.getName());
    }

    public List<Issue> validate(IBaseResource resource) {
        return issues(validator.validateWithResult(resource));
    }

    /**
     * Validates JSON as written (unknown elements included, which the lenient parser would drop) against R4 and
     * {@code profileUrl}, whether or not the resource declares it.
     */
    public List<Issue> validate(String json, String profileUrl) {
        return issues(validator.validateWithResult(
                json, new ca.uhn.fhir.validation.ValidationOptions().addProfile(profileUrl)));
    }

    /**
     * Validates JSON as written, before any parser tidies it: catches what a parse-and-encode round trip hides,
     * such as an empty array ({@code "entry": []}), which FHIR JSON forbids.
     */
    public List<Issue> validate(String json) {
        return issues(validator.validateWithResult(json));
    }

    private static List<Issue> issues(ca.uhn.fhir.validation.ValidationResult result) {
        List<Issue> issues = new ArrayList<>();
        for (SingleValidationMessage m : result.getMessages()) {
            if (m.getSeverity() != ResultSeverityEnum.INFORMATION) {
                issues.add(new Issue(m.getSeverity().getCode(), m.getLocationString(), m.getMessage()));
            }
        }
        return issues;
    }
}
