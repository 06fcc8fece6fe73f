package org.tonearm.catalog;

import java.util.List;

public record TrackView(long id, String title, List<ArtistRef> artists, Long lengthMs) {}
