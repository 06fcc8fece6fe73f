package org.tonearm.listens;

import java.util.List;

/** THE ingestion funnel (docs/architecture.md): every path that records plays calls this and nothing else. */
public interface ListenService {

    IngestResult ingest(IncomingListen listen);

    /**
     * Ingests many listens set-wise (a few queries per batch, not per listen). Results are index-aligned
     * with the input. Ingesting the same batch twice, or any permutation of it, leaves the same rows.
     */
    List<IngestResult> ingestBatch(List<IncomingListen> listens);
}
