package org.tonearm.compat.listenbrainz;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * {@code recording_msid} for our listens. ListenBrainz identifies a submitted listen by the MessyBrainz id of its
 * metadata; Tonearm has no MessyBrainz, so the msid is a name-based UUID (version 5, RFC 9562) of the listen's id
 * in a fixed Tonearm namespace: stable across requests and instances, opaque, and checked back by
 * {@code delete-listen}, which also sends the listen's {@code listened_at} (so the candidates are the user's
 * listens of that second).
 */
final class RecordingMsids {

    /** A fixed, random namespace for Tonearm listen ids; changing it would change every msid. */
    private static final UUID NAMESPACE = UUID.fromString("6b1f8a36-3c53-4f5e-9a59-1f6c0c2b8d41");

    private RecordingMsids() {}

    static String of(long listenId) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(("listen:" + listenId).getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
            ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(b.getLong(), b.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }
}
