package org.tonearm.identity.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.Access;
import org.tonearm.identity.Credential;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.internal.token.ApiTokenService;

/** The caller's personal API tokens (docs/api.md#accounts-and-authentication). Managed with a login session only (its {@code @Access} declaration: a token handed to a client must not mint more tokens). */
@Access(credential = Credential.SESSION)
@RestController
@RequestMapping("/api/v1/me/tokens")
class ApiTokenController {

    private final ApiTokenService tokens;

    ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Operation(operationId = "createApiToken", summary = "Create a personal API token (its value is shown only here)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokenResponses.Created create(@RequestBody ApiTokenResponses.CreateRequest body) {
        return ApiTokenResponses.Created.of(tokens.create(CurrentUser.get().id(), body.name(), body.scopes()));
    }

    @Operation(operationId = "listApiTokens", summary = "Your API tokens (without their values)")
    @GetMapping
    ApiTokenResponses.Page list() {
        return new ApiTokenResponses.Page(tokens.list(CurrentUser.get().id()).stream()
                .map(ApiTokenResponses.Listed::of).toList());
    }

    @Operation(operationId = "deleteApiToken", summary = "Delete one of your API tokens")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        tokens.delete(CurrentUser.get().id(), id);
    }
}
