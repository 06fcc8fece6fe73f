package org.tonearm.compat.listenbrainz;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import org.tonearm.catalog.NameKeys;

/**
 * {@code recording_msid}s. ListenBrainz identifies a recording by the MessyBrainz id of its submitted metadata: the
 * same text gives the same msid, whether it came as a listen or as {@code playing_now} ({@code ?return_msid=true}),
 * and {@code delete-listen} and recording feedback take it back. Tonearm has no MessyBrainz, so the msid is a
 * name-based UUID (version 5, RFC 9562) of the recording's artist credit and title as the catalog's name keys
 * ({@link NameKeys#normalize}: case, width and spacing do not matter), in a fixed Tonearm namespace: stable across
 * requests and instances, and computed alike from a submission and from a stored listen's catalog names.
 */
final class RecordingMsids {

    /** A fixed, random namespace for Tonearm msids; changing it would change every msid. */
    private static final UUID NAMESPACE = UUID.fromString("6b1f8a36-3c53-4f5e-9a59-1f6c0c2b8d41");

    private RecordingMsids() {}

    /** The msid of a recording: the artist credit text ("A feat. B") and the track title. */
    static String ofRecording(String artistCredit, String title) {
        return uuid5("recording:" + NameKeys.compose(NameKeys.normalize(artistCredit), NameKeys.normalize(title)));
    }

    /**
     * The msid earlier versions gave each stored listen (from its id). Still accepted by {@code delete-listen}, so a
     * client that kept one can delete with it.
     */
    static String ofListen(long listenId) {
        return uuid5("listen:" + listenId);
    }

    private static String uuid5(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
            ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(b.getLong(), b.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }
}
