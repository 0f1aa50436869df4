package org.ombc.cds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A jar built without HAPI's validator (the default) stops a start that asks for validation with a message that
 * names the setting and the build to use, not with a NoClassDefFoundError later. PackagedJarIT checks the same on
 * the real jar.
 */
class ValidatorAvailabilityTest {

    @Test
    void aMissingValidatorStopsTheStartNamingTheSettingAndTheBuild() {
        assertThatThrownBy(() ->
                        ValidatorAvailability.requirePresent("org.example.NoSuchValidator", "ombc.validation.enabled"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ombc.validation.enabled needs HAPI's profile validator")
                .hasMessageContaining("./mvnw -B -Pvalidation -DskipTests package");
    }

    @Test
    void theTestClasspathHasTheValidatorSoTheValidatingTestsRunInEveryBuild() {
        assertThatCode(() -> ValidatorAvailability.requirePresent(
                        ValidatorAvailability.VALIDATOR_CLASS, "ombc.validation.enabled"))
                .doesNotThrowAnyException();
        assertThat(ValidatorAvailability.VALIDATOR_CLASS)
                .isEqualTo(org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator.class.getName());
    }
}
