package org.tonearm.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a route: the one declaration (docs/api.md#who-may-call-what) that the security layer enforces, the
 * OpenAPI document shows ({@code security}, {@code x-required-scopes}) and the scope table in docs/api.md is
 * generated from. On a handler method, or on a controller class for all of its handlers (a method's own
 * declaration wins). A handler of Tonearm's without one is refused (AccessInterceptor) and fails
 * AccessDeclarationTests.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Access {

    /** The credential the route accepts. */
    Credential credential();

    /** The scopes an API token needs (a login session holds them all); see {@link #anyScope()}. */
    String[] scopes() default {};

    /** true: one of {@link #scopes()} is enough; false: all of them are needed. */
    boolean anyScope() default false;

    /** true: only an account with the ADMIN role. */
    boolean admin() default false;
}
