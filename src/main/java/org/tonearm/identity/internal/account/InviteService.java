package org.tonearm.identity.internal.account;

import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Service;
import org.tonearm.identity.internal.persistence.InviteRow;
import org.tonearm.identity.internal.persistence.JooqInviteRepository;
import org.tonearm.identity.internal.token.TokenSecrets;
import org.tonearm.shared.Database;
import org.tonearm.shared.TonearmException;

/** Admin-issued single-use invite codes for {@code registration=invite} (docs/api.md#accounts-and-authentication). Only their SHA-256 is kept. */
@Service
public class InviteService {

    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);
    public static final Duration MAX_VALIDITY = Duration.ofDays(365);
    public static final int NOTE_MAX = 200;

    private final Database database;
    private final JooqInviteRepository invites;

    public InviteService(Database database, JooqInviteRepository invites) {
        this.database = database;
        this.invites = invites;
    }

    public record CreatedInvite(InviteRow row, String code) {}

    public CreatedInvite create(long adminId, String note, Long validForDays) {
        if (note != null && note.length() > NOTE_MAX) {
            throw TonearmException.invalid("note", "must be at most " + NOTE_MAX + " characters");
        }
        Duration validity = validForDays == null ? DEFAULT_VALIDITY : Duration.ofDays(validForDays);
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw TonearmException.invalid("valid_for_days", "must be 1 to " + MAX_VALIDITY.toDays());
        }
        String code = TokenSecrets.newRefreshToken(); // 256 random bits, URL-safe
        long now = System.currentTimeMillis();
        long expires = now + validity.toMillis();
        long id = database.write(() -> invites.insert(TokenSecrets.sha256Hex(code), note, adminId, now, expires));
        return new CreatedInvite(new InviteRow(id, note, adminId, now, expires, null, null), code);
    }

    public List<InviteRow> list() {
        return invites.listAll();
    }

    public void delete(long id) {
        if (!database.write(() -> invites.delete(id))) {
            throw TonearmException.notFound("invite " + id);
        }
    }

    /** True when {@code code} is an unused, unexpired invite (checked before the expensive password hash). */
    boolean usable(String code) {
        return code != null && !code.isBlank()
                && invites.findUsable(TokenSecrets.sha256Hex(code), System.currentTimeMillis()).isPresent();
    }

    /** Spends the invite for {@code userId}; false when someone else spent it first. Call inside write. */
    boolean redeem(String code, long userId) {
        return invites.redeem(TokenSecrets.sha256Hex(code), userId, System.currentTimeMillis());
    }
}
