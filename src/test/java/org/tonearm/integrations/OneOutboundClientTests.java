package org.tonearm.integrations;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * "No integration code calls HTTP any other way" (docs/operations.md#external-services): outside the one client's
 * package, integrations code uses {@link ExternalHttp}, never an HTTP client of its own, so no call escapes the
 * breaker, retry, rate limiter, bulkhead and User-Agent.
 */
class OneOutboundClientTests {

    @Test
    void onlyTheResilientClientTouchesAnHttpClient() {
        JavaClasses integrations = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.tonearm.integrations");
        noClasses().that().resideInAPackage("org.tonearm.integrations..")
                .and().resideOutsideOfPackage("org.tonearm.integrations.internal.http..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.client..",
                        "org.springframework.http.client..", "org.springframework.web.reactive.function.client..",
                        "java.net.http..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URL")
                .check(integrations);
    }
}
