/**
 * Shared kernel: the error family and codes (docs/api.md#accounts-and-authentication), time helpers, the database access point
 * ({@link org.tonearm.shared.Database}) with its SQLite/PostgreSQL dialect differences, and web filters.
 *
 * <p>A database failure is 503 + {@code Retry-After} in every protocol ({@link org.tonearm.shared.DatabaseUnavailable}):
 * inside a controller each protocol's advice renders it; before routing (the API-token lookup of the authentication
 * filter) {@code internal.web.DatabaseFailureFilter} does, through the compat packages'
 * {@link org.tonearm.shared.DatabaseUnavailableReply} beans; {@code /error} answers problem+json, never Spring's
 * default body.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.tonearm.shared;
