package org.tonearm.library.internal.web;

import java.util.List;
import org.tonearm.catalog.ArtistRef;
import org.tonearm.catalog.CatalogEntry;
import org.tonearm.library.internal.LibraryPages.SearchResults;

/** Wire shapes of the catalog API (snake_case by the global Jackson naming strategy). */
final class LibraryJson {

    private LibraryJson() {}

    record Artist(long id, String name, String mbid) {
        static Artist of(CatalogEntry.Artist a) {
            return new Artist(a.id(), a.name(), a.mbid());
        }
    }

    record ArtistBrief(long id, String name) {}

    record Album(long id, String title, ArtistBrief artist, String mbid) {
        static Album of(CatalogEntry.Album a) {
            ArtistBrief artist = a.artistId() == null ? null : new ArtistBrief(a.artistId(), a.artistName());
            return new Album(a.id(), a.title(), artist, a.mbid());
        }
    }

    record Track(long id, String title, List<ArtistRef> artists, Long lengthMs, String mbid, String isrc) {
        static Track of(CatalogEntry.Track t) {
            return new Track(t.id(), t.title(), t.artists(), t.lengthMs(), t.mbid(), t.isrc());
        }
    }

    record Search(List<Artist> artists, List<Album> albums, List<Track> tracks) {
        static Search of(SearchResults r) {
            return new Search(r.artists().stream().map(Artist::of).toList(), r.albums().stream().map(Album::of).toList(),
                    r.tracks().stream().map(Track::of).toList());
        }
    }
}
