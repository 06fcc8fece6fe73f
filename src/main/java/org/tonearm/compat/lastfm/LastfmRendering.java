package org.tonearm.compat.lastfm;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** HTTP responses in the format the caller asked for: XML by default, JSON with {@code format=json}. */
final class LastfmRendering {

    static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
    static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");

    private LastfmRendering() {}

    static ResponseEntity<String> ok(Lfm body, boolean json) {
        return ResponseEntity.ok().contentType(json ? JSON : XML)
                .body(json ? LfmWriter.jsonOk(body) : LfmWriter.xmlOk(body));
    }

    static ResponseEntity<String> error(LastfmError error, String message, boolean json) {
        return ResponseEntity.status(error.httpStatus).contentType(json ? JSON : XML)
                .body(json ? LfmWriter.jsonError(error.code, message) : LfmWriter.xmlError(error.code, message));
    }
}
