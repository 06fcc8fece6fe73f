package org.tonearm.identity.internal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.internal.token.ApiTokenService;

/** The caller's personal API tokens (docs/api.md#accounts-and-authentication). Managed with a login session only ({@link SessionOnly}). */
@RestController
@RequestMapping("/api/v1/me/tokens")
class ApiTokenController {

    private final ApiTokenService tokens;

    ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokenResponses.Created create(@RequestBody ApiTokenResponses.CreateRequest body) {
        return ApiTokenResponses.Created.of(tokens.create(SessionOnly.require().id(), body.name(), body.scopes()));
    }

    @GetMapping
    ApiTokenResponses.Page list() {
        return new ApiTokenResponses.Page(tokens.list(SessionOnly.require().id()).stream()
                .map(ApiTokenResponses.Listed::of).toList());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        tokens.delete(SessionOnly.require().id(), id);
    }
}
