package org.tonearm.identity.internal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.internal.account.AccountService;
import org.tonearm.identity.internal.account.CredentialService;
import org.tonearm.identity.internal.account.InviteService;
import org.tonearm.identity.internal.account.RegistrationPolicy;
import org.tonearm.identity.internal.account.UserAdministration;
import org.tonearm.identity.internal.persistence.UserRow;

/**
 * User management for admins (docs/api.md#accounts-and-authentication). The security chain admits only ADMIN here; {@link SessionOnly} also keeps
 * API tokens out, so a leaked scrobbler token of an admin cannot manage accounts. Nothing here exposes listens.
 */
@RestController
@RequestMapping("/api/v1/admin")
class AdminController {

    private final UserAdministration admin;
    private final AccountService accounts;
    private final CredentialService credentials;
    private final InviteService invites;
    private final RegistrationPolicy registration;

    AdminController(UserAdministration admin, AccountService accounts, CredentialService credentials,
            InviteService invites, RegistrationPolicy registration) {
        this.admin = admin;
        this.accounts = accounts;
        this.credentials = credentials;
        this.invites = invites;
        this.registration = registration;
    }

    @GetMapping("/users")
    AdminRequests.UserPage users(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        SessionOnly.require();
        return AdminRequests.UserPage.of(admin.list(limit, offset), limit, offset);
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    AdminRequests.AdminUser create(@RequestBody AdminRequests.CreateUser body) {
        SessionOnly.require();
        UserRow user = accounts.create(body.username(), body.password(), body.email(), AdminRequests.role(body.role(), "role"));
        return AdminRequests.AdminUser.of(user);
    }

    @GetMapping("/users/{id}")
    AdminRequests.AdminUser user(@PathVariable long id) {
        SessionOnly.require();
        return AdminRequests.AdminUser.of(admin.get(id));
    }

    @PatchMapping("/users/{id}")
    AdminRequests.AdminUser update(@PathVariable long id, @RequestBody AdminRequests.UpdateUser body) {
        SessionOnly.require();
        UserRow user = admin.get(id);
        if (body.role() != null) {
            user = admin.setRole(id, AdminRequests.role(body.role(), "role"));
        }
        if (body.disabled() != null) {
            user = admin.setDisabled(id, body.disabled());
        }
        return AdminRequests.AdminUser.of(user);
    }

    @DeleteMapping("/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        SessionOnly.require();
        admin.delete(id);
    }

    @PostMapping("/users/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable long id, @RequestBody AdminRequests.ResetPassword body) {
        SessionOnly.require();
        credentials.resetPassword(id, body.password());
    }

    @GetMapping("/invites")
    AdminRequests.InvitePage invites() {
        SessionOnly.require();
        return new AdminRequests.InvitePage(invites.list().stream().map(r -> AdminRequests.Invite.of(r, null)).toList());
    }

    @PostMapping("/invites")
    @ResponseStatus(HttpStatus.CREATED)
    AdminRequests.Invite createInvite(@RequestBody(required = false) AdminRequests.CreateInvite body) {
        long adminId = SessionOnly.require().id();
        return AdminRequests.Invite.created(invites.create(adminId, body == null ? null : body.note(),
                body == null ? null : body.validForDays()));
    }

    @DeleteMapping("/invites/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteInvite(@PathVariable long id) {
        SessionOnly.require();
        invites.delete(id);
    }

    @GetMapping("/registration")
    AdminRequests.RegistrationState registration() {
        SessionOnly.require();
        return AdminRequests.RegistrationState.of(registration.current(), registration.configured());
    }

    @PutMapping("/registration")
    AdminRequests.RegistrationState setRegistration(@RequestBody AdminRequests.Registration body) {
        SessionOnly.require();
        return AdminRequests.RegistrationState.of(registration.set(AdminRequests.mode(body.mode())),
                registration.configured());
    }
}
