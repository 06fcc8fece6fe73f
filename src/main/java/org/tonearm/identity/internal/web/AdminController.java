package org.tonearm.identity.internal.web;

import io.swagger.v3.oas.annotations.Operation;
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
import org.tonearm.identity.Access;
import org.tonearm.identity.Credential;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.internal.account.AccountService;
import org.tonearm.identity.internal.account.CredentialService;
import org.tonearm.identity.internal.account.InviteService;
import org.tonearm.identity.internal.account.RegistrationPolicy;
import org.tonearm.identity.internal.account.UserAdministration;
import org.tonearm.identity.internal.persistence.UserRow;

/**
 * User management for admins (docs/api.md#accounts-and-authentication). Its {@code @Access} declaration admits only an ADMIN's login session; that also keeps
 * API tokens out, so a leaked scrobbler token of an admin cannot manage accounts. Nothing here exposes listens.
 */
@Access(credential = Credential.SESSION, admin = true)
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

    @Operation(operationId = "listUsers", summary = "All accounts (admin)")
    @GetMapping("/users")
    AdminRequests.UserPage users(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return AdminRequests.UserPage.of(admin.list(limit, offset), limit, offset);
    }

    @Operation(operationId = "createUser", summary = "Create an account (admin)")
    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    AdminRequests.AdminUser create(@RequestBody AdminRequests.CreateUser body) {
        UserRow user = accounts.create(body.username(), body.password(), body.email(), AdminRequests.role(body.role(), "role"));
        return AdminRequests.AdminUser.of(user);
    }

    @Operation(operationId = "getUser", summary = "One account (admin)")
    @GetMapping("/users/{id}")
    AdminRequests.AdminUser user(@PathVariable long id) {
        return AdminRequests.AdminUser.of(admin.get(id));
    }

    @Operation(operationId = "updateUser", summary = "Change an account's role or state (admin)")
    @PatchMapping("/users/{id}")
    AdminRequests.AdminUser update(@PathVariable long id, @RequestBody AdminRequests.UpdateUser body) {
        UserRow user = admin.get(id);
        if (body.role() != null) {
            user = admin.setRole(id, AdminRequests.role(body.role(), "role"));
        }
        if (body.disabled() != null) {
            user = admin.setDisabled(id, body.disabled());
        }
        return AdminRequests.AdminUser.of(user);
    }

    @Operation(operationId = "deleteUser", summary = "Delete an account and its data (admin)")
    @DeleteMapping("/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        admin.delete(id);
    }

    @Operation(operationId = "resetUserPassword", summary = "Set a new password for an account (admin)")
    @PostMapping("/users/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable long id, @RequestBody AdminRequests.ResetPassword body) {
        credentials.resetPassword(id, body.password());
    }

    @Operation(operationId = "listInvites", summary = "Open invitations (admin)")
    @GetMapping("/invites")
    AdminRequests.InvitePage invites() {
        return new AdminRequests.InvitePage(invites.list().stream().map(r -> AdminRequests.Invite.of(r, null)).toList());
    }

    @Operation(operationId = "createInvite", summary = "Create a single-use invitation code (admin)")
    @PostMapping("/invites")
    @ResponseStatus(HttpStatus.CREATED)
    AdminRequests.Invite createInvite(@RequestBody(required = false) AdminRequests.CreateInvite body) {
        long adminId = CurrentUser.get().id();
        return AdminRequests.Invite.created(invites.create(adminId, body == null ? null : body.note(),
                body == null ? null : body.validForDays()));
    }

    @Operation(operationId = "deleteInvite", summary = "Withdraw an invitation (admin)")
    @DeleteMapping("/invites/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteInvite(@PathVariable long id) {
        invites.delete(id);
    }

    @Operation(operationId = "getRegistrationMode", summary = "The registration mode in force (admin)")
    @GetMapping("/registration")
    AdminRequests.RegistrationState registration() {
        return AdminRequests.RegistrationState.of(registration.current(), registration.configured());
    }

    @Operation(operationId = "setRegistrationMode", summary = "Override the configured registration mode (admin)")
    @PutMapping("/registration")
    AdminRequests.RegistrationState setRegistration(@RequestBody AdminRequests.Registration body) {
        return AdminRequests.RegistrationState.of(registration.set(AdminRequests.mode(body.mode())),
                registration.configured());
    }
}
