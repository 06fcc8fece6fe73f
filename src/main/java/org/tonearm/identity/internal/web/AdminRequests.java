package org.tonearm.identity.internal.web;

import java.util.List;
import java.util.Locale;
import org.tonearm.identity.Role;
import org.tonearm.identity.internal.account.InviteService.CreatedInvite;
import org.tonearm.identity.internal.account.UserAdministration;
import org.tonearm.identity.internal.config.RegistrationMode;
import org.tonearm.identity.internal.persistence.InviteRow;
import org.tonearm.identity.internal.persistence.UserRow;
import org.tonearm.shared.Instants;
import org.tonearm.shared.TonearmException;

/** Wire shapes of {@code /api/v1/admin/*}. */
final class AdminRequests {

    private AdminRequests() {}

    record CreateUser(String username, String password, String email, String role) {}

    /** Every field optional: only what is present changes. */
    record UpdateUser(Boolean disabled, String role) {}

    record ResetPassword(String password) {}

    record CreateInvite(String note, Long validForDays) {}

    /** {@code mode} null: back to the configured {@code tonearm.registration}. */
    record Registration(String mode) {}

    record RegistrationState(String mode, String configured) {
        static RegistrationState of(RegistrationMode mode, RegistrationMode configured) {
            return new RegistrationState(mode.name().toLowerCase(Locale.ROOT), configured.name().toLowerCase(Locale.ROOT));
        }
    }

    /** An account as an admin sees it: no listens, no secrets (docs/api.md#accounts-and-authentication). */
    record AdminUser(long id, String username, String email, String displayName, String role, boolean disabled,
            String createdAt) {
        static AdminUser of(UserRow u) {
            return new AdminUser(u.id(), u.username(), u.email(), u.displayName(), u.role().name(), u.disabled(),
                    Instants.format(u.createdAt()));
        }
    }

    record UserPage(List<AdminUser> users, int total, int limit, int offset) {
        static UserPage of(UserAdministration.Page page, int limit, int offset) {
            return new UserPage(page.users().stream().map(AdminUser::of).toList(), page.total(), limit, offset);
        }
    }

    /** {@code code} only in the answer to its creation. */
    record Invite(long id, String code, String note, String createdAt, String expiresAt, Long usedBy, String usedAt) {
        static Invite of(InviteRow r, String code) {
            return new Invite(r.id(), code, r.note(), Instants.format(r.createdAt()), Instants.format(r.expiresAt()),
                    r.usedBy(), Instants.formatOrNull(r.usedAt()));
        }

        static Invite created(CreatedInvite c) {
            return of(c.row(), c.code());
        }
    }

    record InvitePage(List<Invite> invites) {}

    static Role role(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Role.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw TonearmException.invalid(field, "must be USER or ADMIN");
        }
    }

    static RegistrationMode mode(String value) {
        if (value == null) {
            return null;
        }
        try {
            return RegistrationMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw TonearmException.invalid("mode", "must be closed, open or invite");
        }
    }
}
