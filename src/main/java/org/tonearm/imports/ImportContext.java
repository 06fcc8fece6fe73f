package org.tonearm.imports;

/**
 * @param userId   whose history this is
 * @param fileName the entry's name (inside a zip: its path), for external ids and error reports
 */
public record ImportContext(long userId, String fileName) {}
