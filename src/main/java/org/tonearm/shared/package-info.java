/**
 * Shared kernel: the error family and codes (SPEC §2), time helpers, the database access point
 * ({@link org.tonearm.shared.Database}) with its SQLite/PostgreSQL dialect differences, and web filters.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.tonearm.shared;
