package org.tonearm.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The catalog sits below listens (docs/architecture.md: shared ← identity, catalog ← listens): it must not read the
 * listens tables through the generated schema either, which Spring Modulith's verification cannot see (the schema
 * package is open to every module). Who may see a catalog entry is decided in listens (CatalogVisibility).
 */
class CatalogReadsNoListensTests {

    @Test
    void theCatalogNeverTouchesTheListensTables() {
        JavaClasses catalog = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tonearm.catalog");
        noClasses().that().resideInAPackage("org.tonearm.catalog..")
                .should().dependOnClassesThat().haveNameMatching("org\\.tonearm\\.schema\\.tables\\.(Listens|ListenSources)\\b.*")
                .orShould().dependOnClassesThat().haveNameMatching("org\\.tonearm\\.schema\\.tables\\.records\\.(Listens|ListenSources)Record")
                .check(catalog);
    }
}
