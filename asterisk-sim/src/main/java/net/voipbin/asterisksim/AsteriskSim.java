package net.voipbin.asterisksim;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An ARI simulator that behaves like Asterisk 22 toward the platform: REST and the events WebSocket
 * ({@code /ari/events?app=voipbin&subscribeAll=true}) on one port with basic auth, channel and bridge
 * state, and the events a real Asterisk emits in its order. The methods below are the other side of
 * the call: what callers and far ends do.
 *
 * <pre>
 * try (AsteriskSim sim = AsteriskSim.start(SimConfig.defaults().withTimeScale(0.01))) {
 *     String channel = sim.placeInboundCall("+15551234", "1000");
 *     ...
 * }
 * </pre>
 */
public final class AsteriskSim implements AutoCloseable {

    private final SimConfig config;
    private final EventHub hub = new EventHub();
    private final World world;
    private final ChannelOps channels;
    private final OriginateOps originates;
    private final AudioSocketMedia audioSockets;
    private final Hearing hearing;
    private final AriRoutes routes;
    private final ControlRoutes control;
    private final SimServer server;
    /** Appended on every request: a copy-on-write list would copy itself on each one of a long run. */
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile Consumer<RecordedRequest> requestListener = request -> {
    };
    private final List<HeldRequest> holds = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final int port;

    private AsteriskSim(SimConfig config, Clock clock) {
        this.config = config;
        this.world = new World(config, clock, hub);
        MediaOps media = new MediaOps(world);
        this.audioSockets = new AudioSocketMedia(world);
        this.hearing = new Hearing(world);
        BridgeOps bridges = new BridgeOps(world, media, audioSockets);
        Hangups hangups = new Hangups(world, media, bridges, audioSockets);
        audioSockets.onFarEndHangup(channel -> hangups.remote(channel, 16));
        this.channels = new ChannelOps(world, hangups);
        this.originates = new OriginateOps(world, hangups, audioSockets);
        this.routes = new AriRoutes(world, channels, originates, bridges, media);
        this.control = new ControlRoutes(this);
        this.server = new SimServer(() -> new SimHttpHandler(this));
        this.port = server.start(config.host(), config.port());
    }

    public static AsteriskSim start(SimConfig config) {
        return new AsteriskSim(config, Clock.systemUTC());
    }

    public SimConfig config() {
        return config;
    }

    public int port() {
        return port;
    }

    /** {@code http://host:port} (ARI REST is under {@code /ari}). */
    public String baseUrl() {
        return "http://" + config.host() + ":" + port;
    }

    public String eventsUrl() {
        return "ws://" + config.host() + ":" + port + "/ari/events?app=" + config.app() + "&subscribeAll=true";
    }

    /** A SIP caller dials {@code dialed}: {@code StasisStart} (state Ring); returns the channel id. */
    public String placeInboundCall(String caller, String dialed) {
        return world.call(() -> channels.inbound(caller, dialed));
    }

    /** The caller presses keys: one {@code ChannelDtmfReceived} per digit. */
    public void pressDigits(String channelId, String digits) {
        world.run(() -> channels.pressDigits(channelId, digits));
    }

    /** The caller hangs up: {@code ChannelHangupRequest}, {@code StasisEnd}, {@code ChannelDestroyed}. */
    public void hangupFromCaller(String channelId) {
        world.run(() -> channels.callerHangup(channelId));
    }

    /**
     * What the far end of the next originates whose endpoint contains {@code endpointMatch} does, after
     * {@code delay} (simulated, scaled); a null or empty match changes the default (answered after
     * {@link SimConfig#originateDelay()}).
     */
    public void planOriginate(String endpointMatch, OriginateOutcome outcome, Duration delay) {
        world.run(() -> originates.plan(endpointMatch, outcome, delay));
    }

    /**
     * This Asterisk cannot translate a bridge's audio to {@code format} (say {@code slin16} without the
     * codec module): an externalMedia channel in that format enters its bridge and leaves it at once,
     * and its AudioSocket carries no audio.
     */
    public void refuseFormat(String format) {
        world.run(() -> audioSockets.refuse(format));
    }

    /** What went over an externalMedia channel's AudioSocket connection (also after the channel ended). */
    public Optional<AudioSocketStats> audioSocket(String channelId) {
        return audioSockets.stats(channelId);
    }

    /**
     * What the channel hears from its bridge: the other channels' ids in a mixing bridge (none in a holding
     * bridge) and {@code moh:<class>} while music on hold plays into the bridge. 404 AriError for no such channel.
     */
    public List<String> hears(String channelId) {
        return world.call(() -> hearing.of(channelId));
    }

    public List<String> channelIds() {
        return world.call(() -> new ArrayList<>(world.channels.keySet()));
    }

    /** Closes every events WebSocket (the server stays up), as a network blip would. */
    public void dropClients() {
        world.run(hub::dropAll);
    }

    /** Sends {@code text} as one WebSocket text frame to every client, in order with the events. */
    public void injectRawFrame(String text) {
        world.run(() -> hub.send(text));
    }

    public int connectedClients() {
        return hub.clientCount();
    }

    /** Stops listening and closes every connection; state is kept. */
    public void stopServer() {
        server.stop();
    }

    /** Listens again on the same port. */
    public void startServer() {
        server.start(config.host(), port);
    }

    public boolean isServing() {
        return server.isRunning();
    }

    /** Every REST request received, in arrival order. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /**
     * Told of every REST request as it arrives, on the connection's thread and before it is handled (a
     * benchmark timing when the platform's command reached Asterisk). Replaces the previous listener.
     */
    public void onRequest(Consumer<RecordedRequest> listener) {
        requestListener = listener;
    }

    /**
     * The next ARI REST request with {@code method} whose path contains {@code pathPart} is recorded as
     * usual, then neither handled nor answered until the returned hold is released (mind the caller's
     * read timeout). Threads are not blocked meanwhile: events and other requests go on.
     */
    public HeldRequest holdNext(String method, String pathPart) {
        HeldRequest held = new HeldRequest(method, pathPart);
        holds.add(held);
        return held;
    }

    /**
     * From the first {@code fromType} event of channel {@code channelId} on (say {@code ChannelEnteredBridge}),
     * that channel's events are kept from the platform until the returned hold is released, then sent in their
     * order: the platform learns late of what Asterisk did to that channel, while everything else goes on. The
     * channel may not exist yet (a platform names the channels it originates).
     */
    public HeldEvents holdEventsOf(String channelId, String fromType) {
        HeldEvents held = new HeldEvents(channelId, fromType, releasing -> world.call(() -> {
            hub.release(releasing);
            return null;
        }));
        world.call(() -> {
            hub.hold(held);
            return null;
        });
        return held;
    }

    /** When the request may be handled: at once, or on the release of the hold it matched. */
    java.util.concurrent.CompletableFuture<Void> gate(String method, String path) {
        for (HeldRequest held : holds) {
            if (held.matches(method, path) && holds.remove(held)) {
                return held.hold();
            }
        }
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    public void clearRequests() {
        requests.clear();
    }

    /** The events emitted so far (compact JSON as sent), oldest first; bounded. */
    public List<String> events() {
        return hub.emitted();
    }

    @Override
    public void close() {
        server.close();
        audioSockets.close();
        world.shutdown();
    }

    void record(RecordedRequest request) {
        requests.add(request);
        requestListener.accept(request);
    }

    World world() {
        return world;
    }

    EventHub hub() {
        return hub;
    }

    AriRoutes routes() {
        return routes;
    }

    ControlRoutes control() {
        return control;
    }
}
