package org.ombc.cds.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Each package is one capability a newcomer can read on its own: a cycle between two packages makes them one
 * package in all but name, and a change in either can break the other (issue 17).
 */
@AnalyzeClasses(packages = "org.ombc.cds", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    private static final String BASE = "org.ombc.cds.";

    /**
     * The top-level packages ({@code protocol}, {@code chart}, {@code cards}, ...), with the CDS Hooks JSON records
     * ({@code protocol.json}) a slice of their own: the endpoint reads them and the cards build them, so they sit
     * below both while the rest of {@code protocol} sits above the cards.
     */
    private static final SliceAssignment TOP_LEVEL = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (!name.startsWith(BASE)) {
                return SliceIdentifier.ignore();
            }
            if (name.equals(BASE + "protocol.json")) {
                return SliceIdentifier.of("protocol.json");
            }
            return SliceIdentifier.of(name.substring(BASE.length()).split("\\.")[0]);
        }

        @Override
        public String getDescription() {
            return "top-level packages of org.ombc.cds, protocol.json on its own";
        }
    };

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices().assignedFrom(TOP_LEVEL)
            .should()
            .beFreeOfCycles()
            .because("data flows one way: protocol -> chart -> logic -> cards, knowledge and model below");

    @ArchTest
    static final ArchRule everyPackageIsFreeOfCycles = slices().matching("org.ombc.cds.(**)")
            .should()
            .beFreeOfCycles()
            .because("a sub-package (chart.fetch, chart.mapping, protocol.services, ...) is a part a reader can take"
                    + " on its own only if it does not reach back into its neighbours");
}
