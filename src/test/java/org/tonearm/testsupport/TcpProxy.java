package org.tonearm.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy a test puts between Tonearm and PostgreSQL or Redis (issue #16: faults against the real servers, no
 * Docker here). {@link #cut()} closes every open connection and turns new ones away at once, as a stopped server or
 * a refusing host does; {@link #restore()} lets connections through again. One platform (daemon) thread per
 * direction: not virtual threads, which share the few carrier threads of a two-core machine with the application's own
 * virtual threads under test — a proxy that cannot be scheduled looks like a network fault that no test asked for.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress upstream;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    public TcpProxy(String host, int port) throws IOException {
        this.upstream = new InetSocketAddress(host, port);
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("tcp-proxy-accept").start(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Drops every connection now and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Thread.ofPlatform().daemon().name("tcp-proxy-connect").start(() -> connect(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void connect(Socket client) {
        Socket target = new Socket();
        try {
            target.connect(upstream, 2_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(target);
            return;
        }
        open.add(client);
        open.add(target);
        if (cut) { // cut while connecting
            closeQuietly(client);
            closeQuietly(target);
            return;
        }
        Thread.ofPlatform().daemon().name("tcp-proxy-pump").start(() -> pump(client, target));
        Thread.ofPlatform().daemon().name("tcp-proxy-pump").start(() -> pump(target, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side went away: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
    }
}
