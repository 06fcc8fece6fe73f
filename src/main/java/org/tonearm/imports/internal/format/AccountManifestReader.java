package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;
import org.tonearm.identity.ProfileSettings;
import org.tonearm.identity.ProfileSettingsService;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportSink;
import org.tonearm.shared.TonearmException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The small files of an account export: {@code tonearm-account.json}, whose settings are applied to the importing
 * user, and {@code corrections.json}. Applied: display name, timezone, week start and profile visibility — never
 * the username, email, password or role, which belong to the account on its own instance. A problem with the
 * settings is one failed row (row 1 of the file) in the job's report; the listens are imported all the same.
 */
final class AccountManifestReader {

    /** Both files are a few hundred bytes; anything this large is not one of them. */
    static final int MAX_BYTES = 1 << 20;

    private final ProfileSettingsService settings;

    AccountManifestReader(ProfileSettingsService settings) {
        this.settings = settings;
    }

    void apply(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        JsonNode manifest = read(in, TonearmAccountFormat.MANIFEST, TonearmAccountFormat.MANIFEST_FORMAT);
        if (!context.mayChangeProfile()) {
            sink.failed(1, "profile settings not applied: an API token cannot change the account; import with a "
                    + "login session to apply them", null);
            return;
        }
        JsonNode s = manifest.path("settings");
        ProfileSettings wanted = new ProfileSettings(Json.text(manifest.path("profile"), "display_name"),
                Json.text(s, "timezone"), Json.text(s, "week_start"), Json.text(s, "profile_visibility"));
        try {
            settings.apply(context.userId(), wanted);
        } catch (TonearmException e) {
            String fields = e.fieldErrors().stream().map(f -> f.field() + " " + f.message())
                    .collect(Collectors.joining("; "));
            sink.failed(1, "profile settings not applied: " + (fields.isEmpty() ? e.getMessage() : fields),
                    manifest.toString());
        }
    }

    /** Listen corrections are part of the listens; a file asking for more than that cannot be honoured here. */
    void checkCorrections(InputStream in, ImportSink sink) throws IOException, ImportFileException {
        JsonNode corrections = read(in, TonearmAccountFormat.CORRECTIONS, TonearmAccountFormat.CORRECTIONS_FORMAT);
        JsonNode overrides = corrections.path("catalog_overrides");
        if (overrides.isArray() && !overrides.isEmpty()) {
            sink.failed(1, "catalog overrides are not supported by this version of Tonearm: " + overrides.size()
                    + " not applied", null);
        }
    }

    private static JsonNode read(InputStream in, String file, String format) throws IOException, ImportFileException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new ImportFileException(file + " is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode node;
        try {
            node = JsonFiles.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new ImportFileException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !format.equals(Json.text(node, "format"))) {
            throw new ImportFileException(file + " is not a Tonearm account export (format is not \"" + format + "\")");
        }
        JsonNode version = node.path("version");
        if (!version.isIntegralNumber() || version.asInt() < 1 || version.asInt() > TonearmAccountFormat.VERSION) {
            throw new ImportFileException(file + " has version " + version + "; this Tonearm reads version "
                    + TonearmAccountFormat.VERSION + " (export again, or update this instance)");
        }
        return node;
    }
}
