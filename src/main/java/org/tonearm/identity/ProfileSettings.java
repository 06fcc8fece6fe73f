package org.tonearm.identity;

/**
 * The portable part of a profile: what an account export carries and an account import applies (docs/api.md#imports-and-exports). Never
 * the username, email, password or role, which belong to the account on its own instance.
 *
 * @param displayName       the new display name; null or blank clears it
 * @param timezone          an IANA time zone id; null keeps the current one
 * @param weekStart         MONDAY..SUNDAY; null keeps the current one
 * @param profileVisibility PRIVATE or PUBLIC; null keeps the current one
 */
public record ProfileSettings(String displayName, String timezone, String weekStart, String profileVisibility) {}
