package org.tonearm.stats.internal.share;

import static org.tonearm.schema.Tables.STATS_SHARES;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tonearm.shared.Database;
import org.tonearm.shared.TonearmException;
import org.tonearm.stats.RangeRequest;
import org.tonearm.stats.StatsService;
import org.tonearm.stats.StatsShares;

/** {@link StatsShares} on the {@code stats_shares} table; the subject is checked by resolving it like the API does. */
@Service
class DefaultStatsShares implements StatsShares {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final StatsService stats;

    DefaultStatsShares(Database database, StatsService stats) {
        this.database = database;
        this.stats = stats;
    }

    @Override
    public Created create(long userId, Kind kind, String subject) {
        String s = subject == null ? "" : subject.strip().toLowerCase(Locale.ROOT);
        if (kind == Kind.YEAR) {
            if (!s.matches("\\d{4}")) {
                throw TonearmException.invalid("subject", "must be a year YYYY");
            }
        } else {
            stats.resolve(userId, RangeRequest.named(s)); // the API's 400 for an unknown range
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long now = Instant.now().toEpochMilli();
        long id = database.write(() -> database.dsl().insertInto(STATS_SHARES)
                .set(STATS_SHARES.USER_ID, userId).set(STATS_SHARES.TOKEN_HASH, hash(token))
                .set(STATS_SHARES.KIND, kind.name()).set(STATS_SHARES.SUBJECT, s).set(STATS_SHARES.CREATED_AT, now)
                .returningResult(STATS_SHARES.ID).fetchOne().value1().longValue());
        return new Created(new Share(id, userId, kind, s, Instant.ofEpochMilli(now)), token);
    }

    @Override
    public List<Share> list(long userId) {
        return database.dsl().selectFrom(STATS_SHARES).where(STATS_SHARES.USER_ID.eq(userId))
                .orderBy(STATS_SHARES.CREATED_AT.desc(), STATS_SHARES.ID.desc()).fetch(r -> share(r));
    }

    @Override
    public boolean revoke(long userId, long shareId) {
        return database.write(() -> database.dsl().deleteFrom(STATS_SHARES)
                .where(STATS_SHARES.ID.eq(shareId), STATS_SHARES.USER_ID.eq(userId)).execute()) > 0;
    }

    @Override
    public Optional<Share> open(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return database.dsl().selectFrom(STATS_SHARES).where(STATS_SHARES.TOKEN_HASH.eq(hash(token)))
                .fetchOptional(r -> share(r));
    }

    private static Share share(org.tonearm.schema.tables.records.StatsSharesRecord r) {
        return new Share(r.getId().longValue(), r.getUserId(), Kind.valueOf(r.getKind()), r.getSubject(),
                Instant.ofEpochMilli(r.getCreatedAt()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
