package org.tonearm.compat.lastfm;

/** The HTML of the approval page; every interpolated value is escaped. */
final class LastfmApprovalPage {

    private static final String HEAD = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>Tonearm — %s</title>
            <style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}
            label{display:block;margin:.8rem 0 .2rem}input{width:100%%;padding:.4rem}
            button{margin-top:1rem;padding:.5rem 1rem}.error{color:#b00020}</style></head><body>
            """;

    private LastfmApprovalPage() {}

    static String form(String apiKey, String token, String callback, String csrf, String error) {
        return HEAD.formatted("Allow access") + """
                <h1>Allow access to your Tonearm account?</h1>
                <p>An application using the Last.fm-compatible API wants to scrobble to your account
                (application key <code>%s</code>). Log in to allow it.</p>
                %s
                <form method="post">
                <input type="hidden" name="api_key" value="%s">
                <input type="hidden" name="token" value="%s">
                <input type="hidden" name="csrf" value="%s">%s
                <label for="username">Username</label><input id="username" name="username" autocomplete="username" required>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit">Allow access</button>
                </form></body></html>
                """.formatted(e(apiKey), error == null ? "" : "<p class=\"error\">" + e(error) + "</p>", e(apiKey),
                e(token), e(csrf), callback == null ? "" : "\n<input type=\"hidden\" name=\"cb\" value=\"" + e(callback)
                        + "\"><p>You will then return to <code>" + e(callback) + "</code>.</p>");
    }

    static String message(String title, String text) {
        return HEAD.formatted(e(title)) + "<h1>" + e(title) + "</h1><p>" + e(text) + "</p></body></html>\n";
    }

    static String unknownToken() {
        return message("Link expired", "This authorization link is unknown or has expired (links are valid for "
                + LastfmAuthMethods.TOKEN_LIFETIME.toMinutes() + " minutes). Start the login again in your application.");
    }

    private static String e(String s) {
        return LfmWriter.escape(s == null ? "" : s).replace("'", "&#39;");
    }
}
