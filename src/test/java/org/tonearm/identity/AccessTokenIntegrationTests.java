package org.tonearm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.tonearm.identity.internal.token.AccessTokens;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;

/** JWT access tokens and the 401 answers of protected endpoints (docs/api.md#accounts-and-authentication). */
class AccessTokenIntegrationTests extends IntegrationTestBase {

    @Autowired
    AccessTokens accessTokens;

    @Value("${tonearm.data-dir}")
    String dataDir;

    private static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("code").asString()).isEqualTo(code);
        assertThat(r.json().path("request_id").asString()).isNotBlank();
    }

    @Test
    void expiredAccessTokenIsToldApartFromAnInvalidOne() {
        Api.User user = api().newUser();
        String expired = accessTokens.issue(user.id(), user.username(), Role.USER, Instant.now().minusSeconds(3601));

        Api.Response r = api().bearer(expired).get("/api/v1/me");

        assertProblem(r, 401, "AUTH_TOKEN_EXPIRED");
    }

    @Test
    void accessTokenIsValidJustBeforeItsHourIsUp() {
        Api.User user = api().newUser();
        String old = accessTokens.issue(user.id(), user.username(), Role.USER, Instant.now().minusSeconds(3540));
        assertThat(api().bearer(old).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void tamperedAccessTokenIsInvalid() {
        Api.User user = api().newUser();
        String[] parts = user.accessToken().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"role\":\"USER\"", "\"role\":\"ADMIN\"").replace("\"role\":\"ADMIN\"", "\"role\":\"ADMIN\" ");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertProblem(api().bearer(forged).get("/api/v1/me"), 401, "AUTH_TOKEN_INVALID");
    }

    @Test
    void tokenWithOurClaimsSignedByAForeignKeyIsInvalid() throws Exception {
        Api.User user = api().newUser();
        byte[] foreignSecret = new byte[32];
        new SecureRandom().nextBytes(foreignSecret);
        RSAKey foreignRsa = new RSAKeyGenerator(2048).generate();

        String hs256 = signed(JWSAlgorithm.HS256, new MACSigner(foreignSecret), user);
        String rs256 = signed(JWSAlgorithm.RS256, new RSASSASigner(foreignRsa), user);

        assertProblem(api().bearer(hs256).get("/api/v1/me"), 401, "AUTH_TOKEN_INVALID");
        assertProblem(api().bearer(rs256).get("/api/v1/me"), 401, "AUTH_TOKEN_INVALID");
        // the same claims under our own key pass: only the key differs
        assertThat(api().bearer(accessTokens.issue(user.id(), user.username(), Role.USER)).get("/api/v1/me").status())
                .isEqualTo(200);
    }

    /** A well-formed, unexpired access token with exactly the claims Tonearm issues, signed by {@code signer}. */
    private static String signed(JWSAlgorithm alg, JWSSigner signer, Api.User user) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("tonearm").subject(Long.toString(user.id()))
                .claim("username", user.username()).claim("role", "ADMIN").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600))).jwtID(UUID.randomUUID().toString())
                .claim("iat_ms", now.toEpochMilli()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Test
    void unsignedAlgNoneTokenIsInvalid() {
        Api.User user = api().newUser();
        String payload = user.accessToken().split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        assertProblem(api().bearer(header + "." + payload + ".").get("/api/v1/me"), 401, "AUTH_TOKEN_INVALID");
    }

    @Test
    void missingOrGarbageCredentialsAreInvalid() {
        assertProblem(api().get("/api/v1/me"), 401, "AUTH_TOKEN_INVALID");
        assertProblem(api().bearer("a.b.c").get("/api/v1/me"), 401, "AUTH_TOKEN_INVALID");
        assertProblem(api().auth("Basic dXNlcjpwdw==").get("/api/v1/me"), 401, "AUTH_TOKEN_INVALID");
    }

    @Test
    void aStaleTokenDoesNotBlockPublicEndpoints() {
        Api.Response r = api().bearer("a.b.c").post("/api/v1/auth/login",
                java.util.Map.of("username", "nobody-here", "password", "whatever-pw"));
        assertProblem(r, 401, "AUTH_INVALID_CREDENTIALS");
    }

    @Test
    void unknownRoutesAreProblemJsonNotFound() {
        Api.User user = api().newUser();
        assertProblem(user.api().get("/api/v1/no-such-thing"), 404, "RESOURCE_NOT_FOUND");
        assertProblem(api().get("/no-such-page"), 404, "RESOURCE_NOT_FOUND");
        // documented choice (docs/api.md#who-may-call-what, SecurityConfiguration): the route table is public in the
        // OpenAPI document, so an unknown /api/v1 path answers 404 to anonymous callers too; a known one asks for a token
        assertProblem(api().get("/api/v1/no-such-thing"), 404, "RESOURCE_NOT_FOUND");
        assertProblem(api().get("/api/v1/listens"), 401, "AUTH_TOKEN_INVALID");
    }

    @Test
    void aBrowserAskingForAnUnknownPageGetsTheHtmlNotFoundPageAndApiClientsKeepProblemJson() {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        Api.Response page = api().withHeader("Accept", browser).get("/no-such-page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<html").contains("Not found").doesNotContain("RESOURCE_NOT_FOUND");
        // under the API prefixes a browser's Accept does not turn an unknown route into a page
        for (String path : List.of("/api/v1/no-such-thing", "/apis/listenbrainz/1/no-such-thing")) {
            Api.Response api = api().withHeader("Accept", browser).get(path);
            assertThat(api.status()).as(path).isEqualTo(404);
            assertThat(api.body()).as(path).doesNotContain("<html");
        }
        assertProblem(api().withHeader("Accept", "application/json").get("/no-such-page"), 404, "RESOURCE_NOT_FOUND");
    }

    @Test
    void generatedSigningKeyIsReadableByItsOwnerOnly() throws Exception {
        Path key = Path.of(dataDir).resolve("jwt-signing.key");
        assertThat(key).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(key).trim())).hasSizeGreaterThanOrEqualTo(32);
    }
}
