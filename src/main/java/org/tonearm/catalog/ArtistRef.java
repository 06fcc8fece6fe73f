package org.tonearm.catalog;

/** An artist as credited on a track; {@code role} is "primary" or "featured". */
public record ArtistRef(long id, String name, String role) {}
