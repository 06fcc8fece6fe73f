package org.tonearm.listens.internal.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.tonearm.shared.TonearmException.FieldError;

/** Response bodies of the native listens API (docs/api.md#listen-shapes). */
final class ListenResponses {

    private ListenResponses() {}

    /** One listen submitted: {@code status} is created, merged or duplicate. */
    record Submitted(String status, ListenJson listen) {}

    /** A batch submitted: per-item results in input order plus counts. */
    record BatchSubmitted(List<ItemResult> results, int created, int merged, int duplicates, int failed) {}

    /** {@code id} only for stored items, {@code error} only for failed ones. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemResult(int index, String status, Long id, ItemError error) {}

    /** Mirrors the problem body of a single invalid request: a stable code and the field errors. */
    record ItemError(String code, String message, List<FieldError> errors) {}

    record Page(List<ListenJson> listens, String nextCursor) {}

    record Deleted(int deleted) {}
}
