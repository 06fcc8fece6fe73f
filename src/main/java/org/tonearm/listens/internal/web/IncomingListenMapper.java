package org.tonearm.listens.internal.web;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A validated native API listen → the funnel's {@link IncomingListen} (channel NATIVE_API, start-stamped). */
@Component
class IncomingListenMapper {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JsonMapper json;

    IncomingListenMapper(JsonMapper json) {
        this.json = json;
    }

    IncomingListen toIncoming(long userId, ValidatedListen v) {
        TrackCredit credit = new TrackCredit(v.artist(), v.artists(), v.track(), v.album(), v.trackLengthMs(),
                Identifiers.NONE);
        Map<String, Object> extra = v.extra() == null ? null : json.convertValue(v.extra(), MAP);
        // docs/api.md#listen-shapes: listened_at is the playback start; service defaults to "other"
        return new IncomingListen(userId, credit, v.listenedAtMs(), TimeStamp.START, v.durationPlayedMs(),
                v.service() == null ? Service.OTHER : v.service(), Channel.NATIVE_API, null, v.client(),
                v.externalId(), extra, v.raw());
    }
}
