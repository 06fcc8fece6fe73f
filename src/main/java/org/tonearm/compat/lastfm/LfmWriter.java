package org.tonearm.compat.lastfm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders {@link Lfm} trees the way Last.fm's web service does (https://www.last.fm/api/rest): XML wrapped in
 * {@code <lfm status="ok">}, or, for {@code format=json}, the same tree with Last.fm's JSON conventions — an element
 * with children becomes an object whose attributes sit under {@code "@attr"}; a leaf with attributes becomes an
 * object of its attributes plus {@code "#text"}; a bare leaf becomes its text; repeated children become an array.
 */
final class LfmWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LfmWriter() {}

    static String xmlOk(Lfm body) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (body == null) {
            return out.append("<lfm status=\"ok\"/>\n").toString();
        }
        out.append("<lfm status=\"ok\">\n");
        writeXml(body, out, 1);
        return out.append("</lfm>\n").toString();
    }

    static String xmlError(int code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"failed\">\n  <error code=\"" + code + "\">"
                + escape(message) + "</error>\n</lfm>\n";
    }

    static String jsonOk(Lfm body) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (body != null) {
            root.put(body.name, jsonValue(body));
        }
        return JSON.writeValueAsString(root);
    }

    static String jsonError(int code, String message) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("error", code);
        root.put("message", message);
        return JSON.writeValueAsString(root);
    }

    private static void writeXml(Lfm e, StringBuilder out, int depth) {
        out.append("  ".repeat(depth)).append('<').append(e.name);
        e.attrs.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(escape(String.valueOf(v))).append('"'));
        if (e.children.isEmpty()) {
            String text = e.text == null ? "" : String.valueOf(e.text);
            if (text.isEmpty()) {
                out.append("/>\n");
            } else {
                out.append('>').append(escape(text)).append("</").append(e.name).append(">\n");
            }
            return;
        }
        out.append(">\n");
        for (Lfm child : e.children) {
            writeXml(child, out, depth + 1);
        }
        out.append("  ".repeat(depth)).append("</").append(e.name).append(">\n");
    }

    private static Object jsonValue(Lfm e) {
        if (e.children.isEmpty() && e.arrays.isEmpty()) {
            if (e.attrs.isEmpty()) {
                return e.text instanceof Number n ? n : (e.text == null ? "" : String.valueOf(e.text));
            }
            Map<String, Object> leaf = new LinkedHashMap<>(e.attrs);
            if (e.text != null) {
                leaf.put("#text", e.text);
            }
            return leaf;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        Map<String, List<Object>> grouped = new LinkedHashMap<>();
        e.arrays.forEach(name -> grouped.put(name, new ArrayList<>()));
        for (Lfm child : e.children) {
            grouped.computeIfAbsent(child.name, k -> new ArrayList<>()).add(jsonValue(child));
        }
        grouped.forEach((name, values) -> object.put(name,
                values.size() == 1 && !e.arrays.contains(name) ? values.get(0) : values));
        if (!e.attrs.isEmpty()) {
            object.put("@attr", new LinkedHashMap<>(e.attrs));
        }
        return object;
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    // XML 1.0 forbids most control characters even escaped: drop them
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
