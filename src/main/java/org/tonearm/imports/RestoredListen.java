package org.tonearm.imports;

import java.util.List;
import org.tonearm.listens.IncomingListen;

/**
 * One listen of Tonearm's own account export (docs/formats.md): the report the stored listen kept as its own
 * ({@code primary}) and the reports of the other sources it had absorbed. All share the listen's catalog text; each
 * keeps its own channel and origin, so the listen arrives in the new instance as it was recorded in the old one.
 */
public record RestoredListen(IncomingListen primary, List<IncomingListen> absorbed) {

    public RestoredListen {
        absorbed = List.copyOf(absorbed);
    }
}
