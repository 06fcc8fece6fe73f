/**
 * Library: the catalog as one user may see it — search and the artist, album and track pages
 * ({@code GET /api/v1/search}, {@code GET /api/v1/catalog/{artists|albums|tracks}/{id}}).
 *
 * <p>It sits above catalog and listens because the answer needs both: the catalog module builds the search
 * candidates and reads the entries ({@link org.tonearm.catalog.CatalogLookup}); the listens module decides which of
 * them the caller may see ({@link org.tonearm.listens.CatalogVisibility}: entries of the caller's own listens or of
 * a PUBLIC profile's, docs/api.md#accounts-and-authentication), in one SQL statement over the listens tables that only it reads. An entry the caller
 * may not see is 404 RESOURCE_NOT_FOUND, word for word the answer for an id that does not exist. Every route needs
 * the {@code listens:read} scope: the entries reveal listening history (a login session holds every scope).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Library")
package org.tonearm.library;
