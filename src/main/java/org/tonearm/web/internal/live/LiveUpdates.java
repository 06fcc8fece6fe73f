package org.tonearm.web.internal.live;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tonearm.listens.ListensChanged;
import org.tonearm.listens.NowPlayingChanged;
import org.tonearm.shared.RedisConnector;

/**
 * The dashboard's live channel (docs/web.md#live-updates): one {@link SseEmitter} per open dashboard, keyed by user,
 * fed by the listens module's façade events — {@link ListensChanged} after its transaction commits and
 * {@link NowPlayingChanged} — never by polling the database. An event carries only its name ({@code listens},
 * {@code nowplaying}); the page then fetches its own fragment, so a stream never holds another user's data and
 * only the user's own streams are told.
 *
 * <p>Events of one user are coalesced for {@link #COALESCE} (an import writes many batches), which keeps the delay
 * well under the one second the issue asks. Idle streams hold no thread: the servlet request is asynchronous
 * (Spring MVC's {@code SseEmitter}), and a comment every {@link #HEARTBEAT} finds dead connections. Streams end when
 * their session ends (logout, expiry, the session re-check): this bean is an {@link HttpSessionListener}.
 *
 * <p>Every node: this node's streams are told in process; with Redis configured each coalesced change is also
 * published for the other nodes, whose {@link LiveFanOut} tells their streams (docs/web.md#live-updates). Without
 * Redis, or while it is down, updates stay on the node where the change happened.
 *
 * <p>Shutdown: a stream is a request that never ends by itself, and Tomcat's graceful shutdown waits for active
 * requests (up to {@code spring.lifecycle.timeout-per-shutdown-phase}, 30 s). Its socket may be long gone (a closed
 * tab is only noticed at the next heartbeat write). So this bean stops in the graceful shutdown's own phase and ends
 * every stream then; a stream opened while stopping ends at once (docs/web.md#live-updates).
 */
@Component
public class LiveUpdates implements HttpSessionListener, DisposableBean, SmartLifecycle {

    static final Duration COALESCE = Duration.ofMillis(150);
    static final Duration HEARTBEAT = Duration.ofSeconds(25);
    /** htmx's SSE extension reconnects by itself; a bounded stream lets a changed login be re-checked. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private record Stream(String sessionId, SseEmitter emitter) {}

    /** The events of one user waiting for the coalescing delay: all go to local streams, {@code publish} to Redis. */
    private record Batch(Set<String> names, Set<String> publish) {}

    private final Map<Long, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final Map<Long, Batch> pending = new java.util.HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("web-live").daemon().factory());
    /** Null without Redis: in-process only. */
    private final LiveFanOut fanOut;
    private volatile boolean running;
    private volatile boolean stopping;

    @Autowired
    LiveUpdates(ObjectProvider<RedisConnector> redis) {
        this(redis.getIfAvailable());
    }

    /** {@code redis} null: this node's streams only. */
    public LiveUpdates(RedisConnector redis) {
        timer.scheduleAtFixedRate(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        this.fanOut = redis == null ? null : new LiveFanOut(redis, (user, event) -> signal(user, event, false));
    }

    /** Whether the changes of other nodes reach this node's streams now (Redis configured and subscribed). */
    public boolean receivesOtherNodes() {
        return fanOut != null && fanOut.subscribed();
    }

    /** Opens a stream for the user of the session. */
    public SseEmitter open(long userId, String sessionId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Stream stream = new Stream(sessionId, emitter);
        streams.computeIfAbsent(userId, u -> new CopyOnWriteArraySet<>()).add(stream);
        Runnable remove = () -> remove(userId, stream);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            // flushes the response headers at once so the browser's EventSource reports "open"
            emitter.send(SseEmitter.event().comment("open"));
        } catch (IOException e) {
            remove.run();
        }
        if (stopping) {
            // the server is shutting down: a stream opened now would hold the graceful shutdown up; htmx reconnects
            endAll();
        }
        return emitter;
    }

    /** The number of open streams of a user (tests, metrics). */
    public int openStreams(long userId) {
        Set<Stream> s = streams.get(userId);
        return s == null ? 0 : s.size();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ListensChanged change) {
        signal(change.userId(), "listens", true);
    }

    @EventListener
    void on(NowPlayingChanged change) {
        signal(change.userId(), "nowplaying", true);
    }

    /** {@code local}: a change of this node (told to the other nodes too), else one that came from another node. */
    private void signal(long userId, String event, boolean local) {
        boolean publish = local && fanOut != null;
        if (!publish && !streams.containsKey(userId)) {
            return;
        }
        boolean first;
        synchronized (pending) {
            Batch batch = pending.computeIfAbsent(userId,
                    u -> new Batch(new java.util.LinkedHashSet<>(), new java.util.LinkedHashSet<>()));
            first = batch.names().isEmpty();
            batch.names().add(event);
            if (publish) {
                batch.publish().add(event);
            }
        }
        if (first) {
            timer.schedule(() -> flush(userId), COALESCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void flush(long userId) {
        Batch batch;
        synchronized (pending) {
            batch = pending.remove(userId);
        }
        if (batch == null) {
            return;
        }
        // one message per coalesced change, so an import's many batches are a few messages for the other nodes too
        batch.publish().forEach(name -> fanOut.publish(userId, name));
        Set<Stream> targets = streams.get(userId);
        if (targets == null) {
            return;
        }
        for (Stream stream : targets) {
            for (String name : batch.names()) {
                send(userId, stream, SseEmitter.event().name(name).data(name));
            }
        }
    }

    private void heartbeat() {
        streams.forEach((user, set) -> set.forEach(s -> send(user, s, SseEmitter.event().comment("keep-alive"))));
    }

    private void send(long userId, Stream stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            remove(userId, stream);
        }
    }

    private void remove(long userId, Stream stream) {
        streams.computeIfPresent(userId, (u, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }

    /** Logout, expiry or the session re-check ended the session: its streams end too. */
    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        String id = event.getSession().getId();
        streams.forEach((user, set) -> set.stream().filter(s -> s.sessionId().equals(id)).forEach(s -> {
            remove(user, s);
            s.emitter().complete();
        }));
    }

    @Override
    public void start() {
        stopping = false;
        running = true;
    }

    /** Ends every stream, so the web server's graceful shutdown (same phase) does not wait for them. */
    @Override
    public void stop() {
        stopping = true;
        endAll();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The web server's graceful shutdown phase: both are stopped together, and the shutdown waits for both. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        if (fanOut != null) {
            fanOut.close();
        }
        endAll();
    }

    private void endAll() {
        streams.values().forEach(set -> set.forEach(s -> {
            try {
                s.emitter().complete();
            } catch (IllegalStateException e) {
                // its response was already recycled (the client left while the server shut down): nothing to end
            }
        }));
        streams.clear();
    }
}
