package org.tonearm.compat.lastfm;

/** The HTML of the approval page; every interpolated value is escaped. */
final class LastfmApprovalPage {

    /**
     * The web UI's look (docs/web.md): its stylesheet ({@code stylesheet} is its content-versioned URL) and the
     * layout's header and card, without its navigation; no inline style, so the CSP needs no 'unsafe-inline'.
     */
    private static final String HEAD = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%s · Tonearm</title><meta name="color-scheme" content="light dark">
            <link rel="stylesheet" href="%s"></head><body>
            <header class="site-header"><div class="header-inner"><span class="brand">
            <img src="/img/icon.svg" alt="" width="28" height="28"><span>Tonearm</span></span></div></header>
            <main id="main"><section class="card auth-card">
            """;

    private static final String FOOT = "</section></main></body></html>\n";

    private LastfmApprovalPage() {}

    static String form(String stylesheet, String apiKey, String token, String callback, String csrf, String error) {
        return head(stylesheet, "Allow access") + """
                <h1>Allow access to your Tonearm account?</h1>
                <p>An application using the Last.fm-compatible API wants to scrobble to your account
                (application key <code>%s</code>). Log in to allow it.</p>
                %s
                <form method="post" class="form">
                <input type="hidden" name="api_key" value="%s">
                <input type="hidden" name="token" value="%s">
                <input type="hidden" name="csrf" value="%s">%s
                <div class="field"><label for="username">Username</label>
                <input id="username" name="username" type="text" autocomplete="username" required></div>
                <div class="field"><label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required></div>
                <button type="submit" class="button button-primary">Allow access</button>
                </form>""".formatted(e(apiKey), error == null ? "" : "<p class=\"alert alert-error error\" role=\"alert\">" + e(error) + "</p>", e(apiKey),
                e(token), e(csrf), callback == null ? "" : "\n<input type=\"hidden\" name=\"cb\" value=\"" + e(callback)
                        + "\"><p>You will then return to <code>" + e(callback) + "</code>.</p>") + FOOT;
    }

    static String message(String stylesheet, String title, String text) {
        return head(stylesheet, title) + "<h1>" + e(title) + "</h1><p>" + e(text) + "</p>" + FOOT;
    }

    static String unknownToken(String stylesheet) {
        return message(stylesheet, "Link expired", "This authorization link is unknown or has expired (links are valid for "
                + LastfmAuthMethods.TOKEN_LIFETIME.toMinutes() + " minutes). Start the login again in your application.");
    }

    private static String head(String stylesheet, String title) {
        return HEAD.formatted(e(title), e(stylesheet));
    }

    private static String e(String s) {
        return LfmWriter.escape(s == null ? "" : s).replace("'", "&#39;");
    }
}
