package org.ombc.cds.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each package is one capability a newcomer can read on its own: a cycle between two packages makes them one
 * package in all but name, and a change in either can break the other (issue 17).
 */
@AnalyzeClasses(packages = "org.ombc.cds", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.ombc.cds.(*)..")
            .should().beFreeOfCycles()
            .because("data flows one way: cdshooks -> fhir -> model -> logic -> cards");
}
