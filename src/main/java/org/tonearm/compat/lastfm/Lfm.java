package org.tonearm.compat.lastfm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One element of a Last.fm response, rendered as XML (the default) or JSON ({@code format=json}) by
 * {@link LfmWriter}. Text and attribute values are strings on the XML side; a {@link Number} becomes a JSON number,
 * as Last.fm does for e.g. {@code scrobbles/@attr/accepted} and {@code session/subscriber}.
 */
final class Lfm {

    final String name;
    final Map<String, Object> attrs = new LinkedHashMap<>();
    Object text;
    final List<Lfm> children = new ArrayList<>();
    /** child names that are a JSON array even with zero or one child (e.g. recenttracks/track) */
    final Set<String> arrays = new LinkedHashSet<>();

    private Lfm(String name) {
        this.name = name;
    }

    static Lfm el(String name) {
        return new Lfm(name);
    }

    static Lfm text(String name, Object text) {
        Lfm e = new Lfm(name);
        e.text = text;
        return e;
    }

    Lfm attr(String key, Object value) {
        attrs.put(key, value);
        return this;
    }

    Lfm add(Lfm child) {
        children.add(child);
        return this;
    }

    Lfm add(String name, Object text) {
        return add(text(name, text));
    }

    Lfm array(String childName) {
        arrays.add(childName);
        return this;
    }
}
