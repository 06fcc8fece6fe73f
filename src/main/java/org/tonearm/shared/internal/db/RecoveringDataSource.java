package org.tonearm.shared.internal.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool, plus a way back in right after a lost PostgreSQL returns (issue #16: "the first request after the
 * database returns succeeds, without restart"). Once every pooled connection is gone, Hikari re-opens them from a
 * single thread that sleeps between failed attempts, the sleep doubling up to 5 s (not configurable), so for up to
 * 5 s after the database is back a borrower could still wait its whole connection timeout and get a 503. While the
 * pool holds no connection at all, a request therefore opens one directly, with the pool's own driver settings
 * (the bounded connect, login and socket timeouts): it fails at once while the database is away (a prompt 503)
 * and succeeds as soon as it is back. At most {@link #DIRECT} such connections exist at a time; each is closed
 * after its request, and the pool refills itself meanwhile. A pool that holds connections is used as it is.
 */
final class RecoveringDataSource extends DelegatingDataSource implements AutoCloseable {

    /** Direct connections at once while the pool is empty: a few requests get through, not a flood. */
    static final int DIRECT = 2;

    private final HikariDataSource pool;
    private final DataSource direct;
    private final Semaphore permits = new Semaphore(DIRECT);

    RecoveringDataSource(HikariDataSource pool, DataSource direct) {
        super(pool);
        this.pool = pool;
        this.direct = direct;
    }

    @Override
    public Connection getConnection() throws SQLException {
        HikariPoolMXBean state = pool.getHikariPoolMXBean();
        if (state != null && state.getTotalConnections() == 0 && permits.tryAcquire()) {
            try {
                return released(direct.getConnection());
            } catch (SQLException | RuntimeException e) {
                permits.release();
                throw e;
            }
        }
        return pool.getConnection();
    }

    /** The direct connection gives its permit back when it is closed (once, whoever closes it how often). */
    private Connection released(Connection connection) {
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        default -> { }
                    }
                    if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
                        try {
                            connection.close();
                        } finally {
                            permits.release();
                        }
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void close() {
        pool.close();
    }
}
