package org.ombc.cds.knowledge;

import ca.uhn.fhir.context.FhirContext;

/**
 * Whether this build holds HAPI's profile validator. The default jar leaves it out (with what only it needs, about
 * 60 MB: the R5 model, the version convertors, the R4 core StructureDefinitions, ICU); {@code ./mvnw -Pvalidation
 * package} puts it in. A setting that needs it stops the start with that advice instead of failing later on a
 * missing class.
 */
public final class ValidatorAvailability {

    /** The entry point of HAPI's instance validator: present exactly when the validator's jars are. */
    static final String VALIDATOR_CLASS = "org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator";

    private ValidatorAvailability() {}

    /**
     * HAPI's validator loaded with our profiles, for {@code setting}; if this jar has no validator, an
     * {@link IllegalStateException} that names the setting and the build that has one.
     */
    public static FhirProfileValidator profileValidator(FhirContext context, ProfilePackage profiles, String setting) {
        requirePresent(VALIDATOR_CLASS, setting);
        return new FhirProfileValidator(context, profiles);
    }

    static void requirePresent(String className, String setting) {
        try {
            Class.forName(className, false, ValidatorAvailability.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(
                    setting + " needs HAPI's profile validator, which this jar leaves out:"
                            + " build the jar with ./mvnw -B -Pvalidation -DskipTests package (docs/operations.md, \"Building\")",
                    e);
        }
    }
}
