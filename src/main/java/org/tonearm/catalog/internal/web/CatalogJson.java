package org.tonearm.catalog.internal.web;

import java.util.List;
import org.tonearm.catalog.ArtistRef;
import org.tonearm.catalog.internal.persistence.CatalogEntries.AlbumEntry;
import org.tonearm.catalog.internal.persistence.CatalogEntries.ArtistEntry;
import org.tonearm.catalog.internal.query.CatalogQueries.SearchResults;
import org.tonearm.catalog.internal.query.CatalogQueries.TrackDetails;

/** Wire shapes of the catalog API (snake_case by the global Jackson naming strategy). */
final class CatalogJson {

    private CatalogJson() {}

    record Artist(long id, String name, String mbid) {
        static Artist of(ArtistEntry a) {
            return new Artist(a.id(), a.name(), a.mbid());
        }
    }

    record ArtistBrief(long id, String name) {}

    record Album(long id, String title, ArtistBrief artist, String mbid) {
        static Album of(AlbumEntry a) {
            ArtistBrief artist = a.artistId() == null ? null : new ArtistBrief(a.artistId(), a.artistName());
            return new Album(a.id(), a.title(), artist, a.mbid());
        }
    }

    record Track(long id, String title, List<ArtistRef> artists, Long lengthMs, String mbid, String isrc) {
        static Track of(TrackDetails d) {
            var t = d.track();
            return new Track(t.id(), t.title(), d.artists(), t.lengthMs(), t.mbid(), t.isrc());
        }
    }

    record Search(List<Artist> artists, List<Album> albums, List<Track> tracks) {
        static Search of(SearchResults r) {
            return new Search(r.artists().stream().map(Artist::of).toList(), r.albums().stream().map(Album::of).toList(),
                    r.tracks().stream().map(Track::of).toList());
        }
    }
}
