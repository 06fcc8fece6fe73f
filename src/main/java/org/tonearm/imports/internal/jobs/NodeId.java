package org.tonearm.imports.internal.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * This node's name in {@code import_jobs.claimed_by}, kept in {@code <data dir>/node-id} so that it survives a
 * restart: a node that starts again recognizes the jobs it was running when it died (kill -9, power loss) and takes
 * them back at once instead of waiting for their heartbeat to go stale (issue #16). Every node has a data directory
 * of its own (the SQLite file, the signing key), so the id is unique per node.
 */
final class NodeId {

    static final String FILE = "node-id";
    private static final Pattern VALID = Pattern.compile("node-[0-9a-f-]{36}");

    private NodeId() {}

    static String load(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (VALID.matcher(id).matches()) {
                    return id;
                }
            }
            String id = "node-" + UUID.randomUUID();
            Files.createDirectories(dataDir);
            Files.writeString(file, id + "\n", StandardCharsets.US_ASCII);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node id in " + file, e);
        }
    }
}
