package org.tonearm.catalog;

public record AlbumView(long id, String title, Long artistId, String artistName) {}
