package org.tonearm.imports.internal.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.tonearm.identity.UserDirectory;
import org.tonearm.identity.UserProfile;
import org.tonearm.imports.internal.format.TonearmAccountFormat;
import org.tonearm.listens.ListenArchive;
import org.tonearm.shared.Instants;
import org.tonearm.shared.TonearmException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The full account export (docs/api.md#imports-and-exports, docs/formats.md): a zip of {@code tonearm-account.json} (profile and settings,
 * never a secret), {@code listens.jsonl} (every listen, oldest first) and {@code corrections.json}, in this order so
 * that an importer applies the settings (the timezone decides each listen's local day) before the listens.
 * Streamed: one listen at a time from the archive's keyset pages into the zip, so memory stays constant.
 */
@Service
public class AccountExporter {

    private final UserDirectory users;
    private final ListenArchive listens;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.systemUTC();

    AccountExporter(UserDirectory users, ListenArchive listens) {
        this.users = users;
        this.listens = listens;
    }

    public void export(long userId, OutputStream out) throws IOException {
        UserProfile profile = users.findById(userId).orElseThrow(() -> TonearmException.notFound("user"));
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, 64 * 1024));
        zip.putNextEntry(new ZipEntry(TonearmAccountFormat.MANIFEST));
        zip.write(json.writeValueAsBytes(manifest(profile)));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(TonearmAccountFormat.LISTENS));
        try {
            listens.forEach(userId, null, null, listen -> {
                try {
                    zip.write(json.writeValueAsBytes(AccountListenLine.of(listen, json)));
                    zip.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(TonearmAccountFormat.CORRECTIONS));
        zip.write(json.writeValueAsBytes(corrections()));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private Map<String, Object> manifest(UserProfile p) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("username", p.username());
        profile.put("email", p.email());
        profile.put("display_name", p.displayName());
        profile.put("created_at", Instants.format(p.createdAt()));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("timezone", p.timezone().getId());
        settings.put("week_start", p.weekStart().name());
        settings.put("profile_visibility", p.profileVisibility());
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", TonearmAccountFormat.MANIFEST_FORMAT);
        manifest.put("version", TonearmAccountFormat.VERSION);
        manifest.put("exported_at", Instants.format(clock.millis()));
        manifest.put("profile", profile);
        manifest.put("settings", settings);
        return manifest;
    }

    /**
     * A correction (PATCH /api/v1/listens/{id}) changes the listen itself, so listens.jsonl already holds every
     * listen as corrected; users have no catalog overrides of their own (renames, aliases and merges are an admin's,
     * for the whole instance). The file says so, and keeps a place for overrides a later version may have.
     */
    private static Map<String, Object> corrections() {
        Map<String, Object> corrections = new LinkedHashMap<>();
        corrections.put("format", TonearmAccountFormat.CORRECTIONS_FORMAT);
        corrections.put("version", TonearmAccountFormat.VERSION);
        corrections.put("listen_corrections", "applied_in_listens");
        corrections.put("catalog_overrides", List.of());
        return corrections;
    }
}
