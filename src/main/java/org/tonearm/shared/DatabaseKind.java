package org.tonearm.shared;

/** The two supported databases. What truly differs between them sits behind {@link Database}. */
public enum DatabaseKind {
    SQLITE,
    POSTGRES
}
