/**
 * The catalog: artists, albums (releases), tracks (recordings) and their artist credits (docs/api.md#catalog).
 *
 * <p>Resolution on the ingest path ({@link org.tonearm.catalog.CatalogService#resolveAll}), set-wise:
 * <ol>
 *   <li>parse each credit: primary artist, featured artists ("feat." / "ft." / "featuring" in artist or
 *       title, structured lists), the title without its featuring part;</li>
 *   <li>compute identity keys with {@link org.tonearm.catalog.NameKeys}: artist key; track key = primary
 *       artist key + title key (the album is not part of a track's identity); album key = album artist
 *       (primary artist) key + album title key;</li>
 *   <li>per kind (artists, albums, tracks): pending ids of this transaction, then the key caches, then one
 *       {@code key in (…)} select per chunk, then a multi-row {@code insert … on conflict do nothing} and a
 *       re-select for what is still missing;</li>
 *   <li>new tracks get their credits (position 0 primary, then featured in key order); existing tracks gain the
 *       artists a credit names and they lack ({@code CreditGrowth}, docs/api.md#credits-that-grow), announced by
 *       {@link org.tonearm.catalog.TrackCreditsGrown}; unknown lengths are filled;</li>
 *   <li>after commit, the new ids enter the caches (a rollback leaves nothing cached).</li>
 * </ol>
 *
 * <p>Reads for the catalog API ({@link org.tonearm.catalog.CatalogLookup}): search candidates as unexecuted
 * queries ({@link org.tonearm.catalog.CatalogCandidates}) and entries by id. Who may see an entry depends on
 * listens (docs/api.md#accounts-and-authentication), which this module knows nothing of: it never reads the listens tables. The user-scoped
 * catalog API (search, entity pages) is the {@code library} module, above this one and listens.
 */
package org.tonearm.catalog;
