package org.tonearm.listens.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.IngestResult;
import org.tonearm.listens.IngestStatus;
import org.tonearm.listens.ListenRefusal;
import org.tonearm.listens.ListenService;
import org.tonearm.listens.internal.persistence.ListenQueryRepository;
import org.tonearm.listens.internal.web.ListenResponses.BatchSubmitted;
import org.tonearm.listens.internal.web.ListenResponses.ItemError;
import org.tonearm.listens.internal.web.ListenResponses.ItemResult;
import org.tonearm.listens.internal.web.ListenResponses.Submitted;
import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;
import org.tonearm.shared.TonearmException.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/listens} (docs/api.md#listen-shapes): one listen, or {@code {listens:[…]}} for a batch of up to 1000.
 * Validation happens per item, then every valid item goes to the funnel in one {@code ingestBatch} call.
 */
@Component
class ListenSubmissions {

    /** docs/api.md#limits: a batch holds at most 1000 listens; more is 413, like ListenBrainz's per-request limit. */
    static final int MAX_BATCH_SIZE = 1000;
    static final String BATCH_FIELD = "listens";

    private final ListenService listens;
    private final IncomingListenMapper mapper;
    private final ListenQueryRepository rows;
    private final ListenViews views;

    ListenSubmissions(ListenService listens, IncomingListenMapper mapper, ListenQueryRepository rows,
            ListenViews views) {
        this.listens = listens;
        this.mapper = mapper;
        this.rows = rows;
        this.views = views;
    }

    ResponseEntity<?> submit(long userId, JsonNode body) {
        if (body.isObject() && body.has(BATCH_FIELD)) {
            return submitBatch(userId, body.get(BATCH_FIELD));
        }
        return submitOne(userId, body);
    }

    /**
     * One listen: 201 when it created a row; 200 when it was merged into or already was an existing row
     * (docs/api.md#listen-shapes names 201 for one listen; a resend that creates nothing is not a "Created", and clients
     * read {@code status} either way). An invalid listen writes nothing and answers 400.
     */
    private ResponseEntity<Submitted> submitOne(long userId, JsonNode body) {
        FieldErrors errors = new FieldErrors();
        ValidatedListen valid = ListenSubmissionValidator.validate(body, "", errors);
        errors.throwIfAny();
        IngestResult result = listens.ingest(mapper.toIncoming(userId, valid));
        if (result.isRefused()) {
            // the funnel's sanity gate (ListenSanity): a 400 naming the field, like the wire rules above
            throw TonearmException.invalid(result.refusal().field(), result.refusal().message());
        }
        ListenJson listen = rows.find(userId, result.listenId()).map(views::toJson)
                .orElseThrow(() -> TonearmException.notFound("Listen " + result.listenId()));
        HttpStatus status = result.status() == IngestStatus.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(new Submitted(wire(result.status()), listen));
    }

    /** A batch: 200 when every item was stored, 207 when some failed, 400 when all failed (docs/api.md#conventions). */
    private ResponseEntity<BatchSubmitted> submitBatch(long userId, JsonNode items) {
        checkBatchShape(items);
        ItemResult[] results = new ItemResult[items.size()];
        List<IncomingListen> valid = new ArrayList<>();
        List<Integer> validIndexes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            FieldErrors errors = new FieldErrors();
            ValidatedListen v = ListenSubmissionValidator.validate(items.get(i),
                    FieldErrors.index(BATCH_FIELD, i), errors);
            if (v == null) {
                results[i] = new ItemResult(i, "failed", null, new ItemError(ErrorCode.VALIDATION_ERROR.name(),
                        "the listen is invalid", errors.list()));
            } else {
                valid.add(mapper.toIncoming(userId, v));
                validIndexes.add(i);
            }
        }
        List<IngestResult> ingested = valid.isEmpty() ? List.of() : listens.ingestBatch(valid);
        for (int k = 0; k < ingested.size(); k++) {
            IngestResult r = ingested.get(k);
            int i = validIndexes.get(k);
            results[i] = r.isRefused() ? refused(i, r.refusal())
                    : new ItemResult(i, wire(r.status()), r.listenId(), null);
        }
        return batchResponse(List.of(results));
    }

    /** A listen the funnel's sanity gate refused: failed like an invalid item, naming the field by its path. */
    private static ItemResult refused(int i, ListenRefusal refusal) {
        String path = FieldErrors.path(FieldErrors.index(BATCH_FIELD, i), refusal.field());
        return new ItemResult(i, "failed", null, new ItemError(ErrorCode.VALIDATION_ERROR.name(),
                "the listen is invalid", List.of(new FieldError(path, refusal.message()))));
    }

    private static void checkBatchShape(JsonNode items) {
        if (items == null || !items.isArray()) {
            throw TonearmException.invalid(BATCH_FIELD, "must be an array of listens");
        }
        if (items.isEmpty()) {
            throw TonearmException.invalid(BATCH_FIELD, "must contain at least one listen");
        }
        if (items.size() > MAX_BATCH_SIZE) {
            throw TonearmException.tooLarge(BATCH_FIELD, "must contain at most " + MAX_BATCH_SIZE + " listens");
        }
    }

    private static ResponseEntity<BatchSubmitted> batchResponse(List<ItemResult> results) {
        int created = count(results, "created");
        int merged = count(results, "merged");
        int duplicates = count(results, "duplicate");
        int failed = count(results, "failed");
        HttpStatus status = failed == 0 ? HttpStatus.OK
                : failed == results.size() ? HttpStatus.BAD_REQUEST : HttpStatus.MULTI_STATUS;
        return ResponseEntity.status(status).body(new BatchSubmitted(results, created, merged, duplicates, failed));
    }

    private static int count(List<ItemResult> results, String status) {
        return (int) results.stream().filter(r -> r.status().equals(status)).count();
    }

    static String wire(IngestStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
