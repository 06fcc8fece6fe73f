package org.tonearm.identity.internal.web;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.tonearm.identity.WebConnections;
import org.tonearm.identity.internal.account.InviteService;
import org.tonearm.identity.internal.account.RegistrationPolicy;
import org.tonearm.identity.internal.account.UserAdministration;
import org.tonearm.identity.internal.persistence.ApiTokenRow;
import org.tonearm.identity.internal.persistence.InviteRow;
import org.tonearm.identity.internal.persistence.UserRow;
import org.tonearm.identity.internal.token.ApiTokenService;

/**
 * The web UI's tokens and administration: the very services behind {@link ApiTokenController} and
 * {@link AdminController}, so a page shows the API's own refusals.
 */
@Service
class WebConnectionsService implements WebConnections {

    private final ApiTokenService tokens;
    private final UserAdministration admin;
    private final InviteService invites;
    private final RegistrationPolicy registration;

    WebConnectionsService(ApiTokenService tokens, UserAdministration admin, InviteService invites,
            RegistrationPolicy registration) {
        this.tokens = tokens;
        this.admin = admin;
        this.invites = invites;
        this.registration = registration;
    }

    @Override
    public CreatedToken createToken(long userId, String name, List<String> scopes) {
        ApiTokenService.CreatedToken created = tokens.create(userId, name, scopes);
        return new CreatedToken(token(created.row()), created.token());
    }

    @Override
    public List<Token> tokens(long userId) {
        return tokens.list(userId).stream().map(WebConnectionsService::token).toList();
    }

    @Override
    public void revokeToken(long userId, long tokenId) {
        tokens.delete(userId, tokenId);
    }

    @Override
    public UserPage users(int limit, int offset) {
        UserAdministration.Page page = admin.list(limit, offset);
        return new UserPage(page.users().stream().map(WebConnectionsService::user).toList(), page.total());
    }

    @Override
    public AdminUser setDisabled(long userId, boolean disabled) {
        return user(admin.setDisabled(userId, disabled));
    }

    @Override
    public AdminUser setRole(long userId, String role) {
        return user(admin.setRole(userId, AdminRequests.role(role, "role")));
    }

    @Override
    public Invite createInvite(long adminId, String note, Long validForDays) {
        InviteService.CreatedInvite created = invites.create(adminId, note == null || note.isBlank() ? null : note,
                validForDays);
        return invite(created.row(), created.code());
    }

    @Override
    public List<Invite> invites() {
        return invites.list().stream().map(r -> invite(r, null)).toList();
    }

    @Override
    public void deleteInvite(long id) {
        invites.delete(id);
    }

    @Override
    public String registrationMode() {
        return registration.current().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String setRegistrationMode(String mode) {
        return registration.set(AdminRequests.mode(mode == null || mode.isBlank() ? null : mode))
                .name().toLowerCase(Locale.ROOT);
    }

    private static Token token(ApiTokenRow r) {
        return new Token(r.id(), r.name(), r.scopes(), r.createdAt(), r.lastUsedAt());
    }

    private static AdminUser user(UserRow u) {
        return new AdminUser(u.id(), u.username(), u.email(), u.displayName(), u.role().name(), u.disabled(),
                u.createdAt());
    }

    private static Invite invite(InviteRow r, String code) {
        return new Invite(r.id(), code, r.note(), r.createdAt(), r.expiresAt(), r.usedBy());
    }
}
