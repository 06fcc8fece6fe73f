package org.tonearm.identity.internal.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tonearm.identity.internal.config.IdentityProperties;
import org.tonearm.shared.DatabaseProperties;

/**
 * The HS256 key for access tokens: {@code tonearm.identity.jwt-secret} when set (required when several nodes
 * share the database), else a random 256-bit key generated once and kept in {@code <data-dir>/jwt-signing.key}
 * (mode 600) so tokens survive restarts.
 */
final class SigningKeyProvider {

    static final String KEY_FILE = "jwt-signing.key";
    /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output, 256 bits. */
    static final int MIN_KEY_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(SigningKeyProvider.class);

    private SigningKeyProvider() {}

    static byte[] load(IdentityProperties identity, DatabaseProperties data) {
        String secret = identity.jwtSecret();
        if (secret != null && !secret.isBlank()) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_KEY_BYTES) {
                throw new IllegalStateException("tonearm.identity.jwt-secret must be at least " + MIN_KEY_BYTES
                        + " bytes long (HS256, RFC 7518 §3.2)");
            }
            return bytes;
        }
        return fromFile(Path.of(data.dataDir()).toAbsolutePath().normalize().resolve(KEY_FILE));
    }

    static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalStateException(file + " holds a key shorter than " + MIN_KEY_BYTES + " bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the JWT signing key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        String encoded = Base64.getEncoder().encodeToString(TokenSecrets.randomBytes(MIN_KEY_BYTES));
        try {
            // created with mode 600 from the start, so the key is never readable by others, not even briefly
            Files.createFile(file, ownerOnly(file));
            Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            log.info("generated a new JWT signing key in {}", file);
        } catch (FileAlreadyExistsException raced) {
            // another process created it first: use theirs
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
