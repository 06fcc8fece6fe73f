package org.tonearm.identity.internal.web;

import java.util.List;
import org.tonearm.identity.internal.persistence.ApiTokenRow;
import org.tonearm.identity.internal.token.ApiTokenService.CreatedToken;
import org.tonearm.shared.Instants;

/** Wire shapes of {@code /api/v1/me/tokens} (docs/api.md#accounts-and-authentication). The token value appears only in {@link Created}. */
final class ApiTokenResponses {

    private ApiTokenResponses() {}

    record CreateRequest(String name, List<String> scopes) {}

    record Created(long id, String name, String token, List<String> scopes, String createdAt) {
        static Created of(CreatedToken t) {
            return new Created(t.row().id(), t.row().name(), t.token(), t.row().scopes(), Instants.format(t.row().createdAt()));
        }
    }

    record Listed(long id, String name, List<String> scopes, String createdAt, String lastUsedAt) {
        static Listed of(ApiTokenRow r) {
            return new Listed(r.id(), r.name(), r.scopes(), Instants.format(r.createdAt()), Instants.formatOrNull(r.lastUsedAt()));
        }
    }

    record Page(List<Listed> tokens) {}
}
