package org.tonearm.compat.listenbrainz.internal.persistence;

import static org.tonearm.schema.Tables.LISTENBRAINZ_FEEDBACK;

import java.util.List;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/** {@code listenbrainz_feedback}: a user's recording feedback, one row per recording (ListenBrainz's feedback API). */
@Repository
public class JooqListenBrainzFeedbackRepository {

    /** One stored feedback: {@code kind} is "msid" or "mbid". */
    public record Feedback(String kind, String recordingId, int score, long createdAt) {}

    private final Database database;

    public JooqListenBrainzFeedbackRepository(Database database) {
        this.database = database;
    }

    /** Sets the score (1 love, -1 hate) or, with 0, removes the feedback; sending the same twice changes nothing. */
    public void set(long userId, String kind, String recordingId, int score, long now) {
        database.writeVoid(() -> {
            database.dsl().deleteFrom(LISTENBRAINZ_FEEDBACK).where(LISTENBRAINZ_FEEDBACK.USER_ID.eq(userId)
                    .and(LISTENBRAINZ_FEEDBACK.RECORDING_KIND.eq(kind))
                    .and(LISTENBRAINZ_FEEDBACK.RECORDING_ID.eq(recordingId))).execute();
            if (score != 0) {
                database.dsl().insertInto(LISTENBRAINZ_FEEDBACK).set(LISTENBRAINZ_FEEDBACK.USER_ID, userId)
                        .set(LISTENBRAINZ_FEEDBACK.RECORDING_KIND, kind)
                        .set(LISTENBRAINZ_FEEDBACK.RECORDING_ID, recordingId)
                        .set(LISTENBRAINZ_FEEDBACK.SCORE, (short) score)
                        .set(LISTENBRAINZ_FEEDBACK.CREATED_AT, now).execute();
            }
        });
    }

    /** The user's feedback, newest first; {@code score} null for both kinds of score. */
    public List<Feedback> of(long userId, Integer score, int offset, int count) {
        var condition = LISTENBRAINZ_FEEDBACK.USER_ID.eq(userId);
        if (score != null) {
            condition = condition.and(LISTENBRAINZ_FEEDBACK.SCORE.eq(score.shortValue()));
        }
        return database.dsl().selectFrom(LISTENBRAINZ_FEEDBACK).where(condition)
                .orderBy(LISTENBRAINZ_FEEDBACK.CREATED_AT.desc(), LISTENBRAINZ_FEEDBACK.RECORDING_ID)
                .offset(offset).limit(count)
                .fetch(r -> new Feedback(r.getRecordingKind(), r.getRecordingId(), r.getScore(), r.getCreatedAt()));
    }

    public int count(long userId, Integer score) {
        var condition = LISTENBRAINZ_FEEDBACK.USER_ID.eq(userId);
        if (score != null) {
            condition = condition.and(LISTENBRAINZ_FEEDBACK.SCORE.eq(score.shortValue()));
        }
        return database.dsl().fetchCount(LISTENBRAINZ_FEEDBACK, condition);
    }
}
