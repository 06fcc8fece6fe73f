package org.tonearm.integrations.internal.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts a connection's secrets at rest (issue 13 item 2, docs/operations.md#external-services): AES-256-GCM with a
 * fresh random 96-bit nonce per value (NIST SP 800-38D §8.2.2: never reuse a nonce under one key), so two equal
 * tokens give different ciphertexts and a changed byte fails authentication instead of decrypting to garbage.
 *
 * <p>Stored form: {@code v1:<base64(nonce ‖ ciphertext ‖ 128-bit tag)>}. The key is
 * {@code tonearm.integrations.encryption-key} (base64 of 32 bytes; required when several nodes share the database),
 * else a random key generated once into {@code <data-dir>/integrations.key} with mode 600, as the JWT signing key is
 * handled (identity's SigningKeyProvider). Losing the key only loses the connections: users connect again.
 */
public final class TokenCipher {

    static final String KEY_FILE = "integrations.key";
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String PREFIX = "v1:";
    private static final Logger log = LoggerFactory.getLogger(TokenCipher.class);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public TokenCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("tonearm.integrations.encryption-key must be " + KEY_BYTES
                    + " bytes (base64 of a 256-bit AES key), not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** The configured key (base64) when set, else the one in {@code dataDir}, generated on first use. */
    public static TokenCipher load(String configuredBase64, Path dataDir) {
        if (configuredBase64 != null && !configuredBase64.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configuredBase64.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("tonearm.integrations.encryption-key is not base64", e);
            }
            return new TokenCipher(key);
        }
        return new TokenCipher(fromFile(dataDir.toAbsolutePath().normalize().resolve(KEY_FILE)));
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext; fails when the value was not sealed with this key (another key, tampered). */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("not a sealed value");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("sealed value too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sealed value does not open with this instance's key"
                    + " (tonearm.integrations.encryption-key changed?)", e);
        }
    }

    static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException(file + " does not hold a " + KEY_BYTES + "-byte key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the integrations key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            // created with mode 600 from the start, so the key is never readable by others, not even briefly
            Files.createFile(file, ownerOnly(file));
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
            log.info("generated a new integrations encryption key in {}", file);
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
