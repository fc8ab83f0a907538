package net.voipbin.callmanager.echo;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The far end of an echo: an AudioSocket server that sends every audio frame back on the connection
 * it came from. Asterisk connects here for an externalMedia channel bridged with the call, so the
 * caller hears themselves. Frames are {@code type (1 byte), length (2 bytes, big endian), payload};
 * audio ({@code 0x10}) goes back unchanged, the identifier ({@code 0x01}) and anything unknown are
 * read and dropped, hangup ({@code 0x00}), an error frame or end of stream closes the connection.
 * A connection that breaks the framing is closed; the server goes on.
 */
public final class AudioSocketEcho implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AudioSocketEcho.class);
    static final int HANGUP = 0x00;
    static final int IDENTIFIER = 0x01;
    static final int AUDIO = 0x10;
    static final int ERROR = 0xff;

    private final String bindHost;
    private final int port;
    private final String advertisedHost;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    /** {@code advertisedHost} blank: the bound address, or this host's address when bound to all. */
    public AudioSocketEcho(String bindHost, int port, String advertisedHost) {
        this.bindHost = bindHost;
        this.port = port;
        this.advertisedHost = advertisedHost;
    }

    /** {@code host:port} for Asterisk's {@code external_host}. */
    public String address() {
        ServerSocket bound = server;
        if (bound == null) {
            throw new IllegalStateException("the echo server is not running");
        }
        return host(bound.getInetAddress()) + ":" + bound.getLocalPort();
    }

    private String host(InetAddress bound) {
        if (advertisedHost != null && !advertisedHost.isBlank()) {
            return advertisedHost;
        }
        if (!bound.isAnyLocalAddress()) {
            return bound.getHostAddress();
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (IOException e) {
            return bound.getHostAddress();
        }
    }

    @Override
    public void start() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(bindHost, port));
            server = socket;
        } catch (IOException e) {
            throw new IllegalStateException("echo server cannot listen on " + bindHost + ":" + port, e);
        }
        ServerSocket listening = server;
        Thread.ofVirtual().name("echo-accept").start(() -> accept(listening));
        log.info("echo AudioSocket server on {}", address());
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket connection = listening.accept();
                connections.add(connection);
                Thread.ofVirtual().name("echo-connection").start(() -> serve(connection));
            } catch (IOException e) {
                if (!listening.isClosed()) {
                    log.warn("echo server: accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            connection.setTcpNoDelay(true);
            echo(new DataInputStream(in), out);
        } catch (EOFException | SocketException e) {
            log.debug("echo connection ended: {}", e.getMessage());
        } catch (IOException e) {
            log.info("echo connection closed: {}", e.getMessage());
        } finally {
            connections.remove(connection);
        }
    }

    /** Echoes audio frames until hangup, an error frame or the end of the stream. */
    static void echo(DataInputStream in, OutputStream out) throws IOException {
        byte[] header = new byte[3];
        while (true) {
            int type = in.read();
            if (type < 0 || type == HANGUP || type == ERROR) {
                return;
            }
            int length = in.readUnsignedShort();
            byte[] payload = in.readNBytes(length);
            if (payload.length < length) {
                throw new EOFException("frame cut short: " + payload.length + " of " + length + " bytes");
            }
            if (type == AUDIO) {
                header[0] = (byte) type;
                header[1] = (byte) (length >>> 8);
                header[2] = (byte) length;
                out.write(header);
                out.write(payload);
                out.flush();
            }
        }
    }

    @Override
    public void stop() {
        ServerSocket bound = server;
        if (bound == null) {
            return;
        }
        try {
            bound.close();
        } catch (IOException e) {
            log.debug("echo server close: {}", e.getMessage());
        }
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException e) {
                log.debug("echo connection close: {}", e.getMessage());
            }
        }
        server = null;
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
