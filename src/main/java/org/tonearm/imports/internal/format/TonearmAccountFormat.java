package org.tonearm.imports.internal.format;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.tonearm.identity.ProfileSettingsService;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.ImportFormat;
import org.tonearm.imports.ImportSink;
import org.tonearm.imports.RestoredListen;

/**
 * Tonearm's full account export (docs/formats.md), the zip {@code GET /api/v1/exports/account} writes. Its three
 * files are read as they come (the exporter writes them in this order):
 * <ol>
 *   <li>{@code tonearm-account.json}: the profile settings are applied to the importing user
 *       ({@link AccountManifestReader}) — before the listens, whose local day depends on the timezone;</li>
 *   <li>{@code listens.jsonl}: one stored listen per line, each handed to the sink as a {@link RestoredListen} that
 *       keeps the channel and origin of every report ({@link RestoredListenMapper});</li>
 *   <li>{@code corrections.json}: checked, nothing to apply (corrections are in the listens).</li>
 * </ol>
 * External ids: each report keeps its own, so a re-import (and a later import of the original files) adds nothing.
 */
@Component
public class TonearmAccountFormat implements ImportFormat {

    public static final String ID = "tonearm_account";
    public static final String MANIFEST = "tonearm-account.json";
    public static final String LISTENS = "listens.jsonl";
    public static final String CORRECTIONS = "corrections.json";
    public static final String MANIFEST_FORMAT = "tonearm-account";
    public static final String CORRECTIONS_FORMAT = "tonearm-corrections";
    /** The version this Tonearm writes and the newest it reads. */
    public static final int VERSION = 1;

    private final RestoredListenMapper listens;
    private final AccountManifestReader manifests;

    @Autowired
    public TonearmAccountFormat(ProfileSettingsService settings) {
        this(ImportRowRules.systemClock(), settings);
    }

    TonearmAccountFormat(ImportRowRules rules, ProfileSettingsService settings) {
        this.listens = new RestoredListenMapper(rules);
        this.manifests = new AccountManifestReader(settings);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(String fileName, byte[] head) {
        String name = Sniff.baseName(fileName);
        String text = Sniff.text(head);
        if (name.equals(MANIFEST)) {
            return Sniff.startsWith(text, '{') && text.contains("\"" + MANIFEST_FORMAT + "\"");
        }
        if (name.equals(CORRECTIONS)) {
            return Sniff.startsWith(text, '{') && text.contains("\"" + CORRECTIONS_FORMAT + "\"");
        }
        if (name.equals(LISTENS) && text.isBlank()) {
            return true; // an account without listens
        }
        // keys that precede the long values (extra, raw): a first line longer than the head still shows them
        String first = Sniff.firstLine(head);
        return name.endsWith(".jsonl") && Sniff.startsWith(first, '{')
                && Sniff.hasKeys(first, "listened_at", "artist", "track", "channel", "origin")
                && !Sniff.hasKeys(first, "track_metadata");
    }

    @Override
    public void parse(InputStream in, ImportContext context, ImportSink sink) throws IOException, ImportFileException {
        String name = Sniff.baseName(context.fileName());
        if (name.equals(MANIFEST)) {
            manifests.apply(in, context, sink);
        } else if (name.equals(CORRECTIONS)) {
            manifests.checkCorrections(in, sink);
        } else {
            JsonLines.read(in, sink, (rowNumber, row) -> {
                String raw = row.toString();
                RestoredListen listen;
                try {
                    listen = listens.map(row, context);
                } catch (RowRejected rejected) {
                    sink.failed(rowNumber, rejected.getMessage(), raw);
                    return;
                } catch (RuntimeException unexpected) {
                    sink.failed(rowNumber, "unreadable row: " + unexpected.getClass().getSimpleName(), raw);
                    return;
                }
                sink.restored(rowNumber, listen);
            });
        }
    }
}
