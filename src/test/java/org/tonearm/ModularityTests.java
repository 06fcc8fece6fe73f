package org.tonearm;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module boundaries of docs/architecture.md are checked, not hoped for. */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(TonearmApplication.class).verify();
    }
}
