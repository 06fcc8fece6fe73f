package org.tonearm.listens;

import java.util.List;

/** Published after a committed ingest that created or merged listens (ids only; listeners are idempotent). */
public record ListensRecorded(long userId, List<Long> listenIds) {}
