package net.voipbin.pipecatmanager.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import net.voipbin.asterisksim.AsteriskSim;
import net.voipbin.asterisksim.AudioSocketStats;
import net.voipbin.asterisksim.HeldRequest;
import net.voipbin.asterisksim.SimConfig;
import net.voipbin.contract.callmanager.ExternalMediaCreate;
import net.voipbin.contract.pipecatmanager.Pipecatcall;
import net.voipbin.contract.pipecatmanager.PipecatManagerClient;
import net.voipbin.contract.pipecatmanager.PipecatcallCreate;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.json.JsonMapper;

/**
 * An AI call's lifecycle against asterisk-sim, whose externalMedia channels really connect over
 * AudioSocket: what is left in Asterisk after the caller hangs up, when Asterisk never connects, and
 * when Asterisk cannot stream the format. call-manager's part (ARI commands, call_hungup) is played by
 * {@link SimCallManager} behind a real RPC server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "voipbin.pipecat.audiosocket-port=0", "voipbin.pipecat.attach-timeout=3s",
        "voipbin.outbound.allowed-networks=127.0.0.0/8"})
class AiCallLifecycleIT {

    private static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static FakeRunner runner;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "pipecat-manager");
    }

    @Autowired RpcClient rpc;
    @Autowired Topology topology;
    @Autowired JsonMapper json;
    @Autowired ConnectionFactory connectionFactory;
    @Autowired EventPublisher publisher;

    @BeforeAll
    static void echoRunner() throws Exception {
        runner = new FakeRunner(GROUP);
        runner.echo = true;
    }

    @AfterAll
    static void stop() {
        runner.close();
        GROUP.shutdownGracefully();
    }

    @Test
    void theCallersHangupEndsTheSessionAndAsteriskDropsTheAudioSocketChannel() throws Exception {
        try (AsteriskSim sim = AsteriskSim.start(SimConfig.defaults());
                Call call = new Call(sim, null)) {
            String media = call.asterisk.mediaChannels.getFirst();
            await().atMost(DEADLINE).until(() -> stats(sim, media).audibleFramesReceived() >= 10);
            await().atMost(DEADLINE).until(() -> call.status().status(), "running"::equals);
            int runnerClosedBefore = runner.closed.get();

            call.asterisk.callerHangsUp(call.callId, publisher, topology.eventExchange(), json);

            await().atMost(DEADLINE).until(() -> !sim.channelIds().contains(media));
            assertThat(stats(sim, media).hangupReceived()).as("pipecat-manager said goodbye on the socket").isTrue();
            assertThat(typesOf(sim, media)).endsWith("StasisEnd", "ChannelDestroyed");
            assertThat(call.asterisk.bridgeChannels(call.callId)).as("nothing of ours is left in the call's bridge")
                    .isEmpty();
            Pipecatcall ended = await().atMost(DEADLINE).until(call::status, c -> c.status().equals("ended"));
            assertThat(ended.endReason()).isEqualTo("call hungup");
            await().atMost(DEADLINE).until(() -> call.events.of("pipecatcall_ended", call.id()).size() == 1);
            await().atMost(DEADLINE).until(() -> runner.closed.get() > runnerClosedBefore);
        }
    }

    @Test
    void aSessionAsteriskNeverConnectsToEndsAtTheAttachDeadline() throws Exception {
        try (Call call = new Call(null, null)) {
            await().atMost(DEADLINE).until(() -> call.events.of("pipecatcall_ended", call.id()).size() == 1);
            Pipecatcall ended = call.status();
            assertThat(ended.status()).isEqualTo("ended");
            assertThat(ended.endReason()).isEqualTo("asterisk did not connect within 3s");
        }
    }

    @Test
    void slin16ThatAsteriskCannotBridgeFallsBackToSlinAndTheCallerIsHeard() throws Exception {
        try (AsteriskSim sim = AsteriskSim.start(SimConfig.defaults())) {
            sim.refuseFormat("slin16");
            try (Call call = new Call(sim, null)) {
                await().atMost(DEADLINE).until(() -> call.callManager.of("external-media").size() == 2);
                assertThat(call.callManager.of("external-media")).extracting(r -> ((ExternalMediaCreate) r.body()).format())
                        .containsExactly("slin16", "slin");
                List<String> media = call.asterisk.mediaChannels;
                await().atMost(DEADLINE).until(() -> !sim.channelIds().contains(media.get(0)));
                assertThat(stats(sim, media.get(0)).framesSent()).as("the refused channel carried nothing").isZero();
                await().atMost(DEADLINE).until(() -> stats(sim, media.get(1)).audibleFramesReceived() >= 10);
                assertThat(stats(sim, media.get(1)).framesSent()).as("the caller reaches the runner").isPositive();
                Pipecatcall running = call.status();
                assertThat(running.status()).isEqualTo("running");
                assertThat(running.audioFormat()).isEqualTo("slin");
                assertThat(call.events.of("pipecatcall_ended", call.id())).isEmpty();
            }
        }
    }

    @Test
    void aFormatAskedForThatAsteriskCannotBridgeEndsTheSessionSayingSo() throws Exception {
        try (AsteriskSim sim = AsteriskSim.start(SimConfig.defaults())) {
            sim.refuseFormat("slin16");
            try (Call call = new Call(sim, "slin16")) {
                await().atMost(DEADLINE).until(() -> call.events.of("pipecatcall_ended", call.id()).size() == 1);
                Pipecatcall ended = call.status();
                assertThat(ended.status()).isEqualTo("ended");
                assertThat(ended.endReason()).isEqualTo("no caller audio in slin16 within 3s");
                String media = call.asterisk.mediaChannels.getFirst();
                await().atMost(DEADLINE).until(() -> !sim.channelIds().contains(media));
                assertThat(call.callManager.of("external-media")).hasSize(1);
            }
        }
    }

    /**
     * Asterisk connects while call-manager is still bridging (its addChannel held here), the runner refuses at
     * once and the session ends, so its AudioSocket channel is gone when call-manager adds it to the bridge.
     * Before: that 400 was taken for "slin16 refused" (a second channel in slin for an ended session), the POST
     * failed (the flow's ai_talk failed instead of going on) and pipecatcall_ended came before pipecatcall_started.
     */
    @Test
    void aRunnerThatRefusesWhileCallManagerStillBridgesEndsTheSessionAfterItStarted() throws Exception {
        try (AsteriskSim sim = AsteriskSim.start(SimConfig.defaults());
                EventRecorder events = new EventRecorder(topology.eventExchange(), json)) {
            SimCallManager asterisk = new SimCallManager(sim);
            UUID callId = UUID.randomUUID();
            asterisk.answeredCaller(callId);
            HeldRequest bridging = sim.holdNext("POST", "/addChannel");
            String nobody;
            try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                nobody = "ws://127.0.0.1:" + closed.getLocalPort() + "/runner";   // refused from now on
            }
            try (CallManagerResponder callManager = new CallManagerResponder(connectionFactory, json,
                    topology.requestQueue("call-manager"), asterisk)) {
                PipecatManagerClient client = new PipecatManagerClient(rpc, topology);
                CompletableFuture<Pipecatcall> created = CompletableFuture.supplyAsync(
                        () -> client.create(new PipecatcallCreate(callId, nobody, null, null)));
                await().atMost(DEADLINE).until(bridging::arrived);
                // The AudioSocket channel came and went: only the caller is left.
                await().atMost(DEADLINE).until(() -> sim.channelIds().size() == 1 && sim.events().stream()
                        .anyMatch(e -> e.contains("ChannelDestroyed") && e.contains("AudioSocket/")));
                bridging.release();

                Pipecatcall started = created.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                String id = started.id().toString();
                await().atMost(DEADLINE).until(() -> events.of("pipecatcall_ended", id).size() == 1);
                assertThat(events.events.stream().filter(e -> id.equals(e.path("data").path("id").asString("")))
                        .map(e -> e.path("type").asString()))
                        .containsExactly("pipecatcall_started", "pipecatcall_ended");
                assertThat(events.of("pipecatcall_ended", id).getFirst().path("data").path("end_reason").asString())
                        .startsWith("runner unreachable");
                assertThat(client.get(started.id()).endReason())
                        .startsWith("runner unreachable");
                assertThat(callManager.of("external-media")).as("no second try in slin for a session that ended")
                        .hasSize(1);
            }
        }
    }

    private static AudioSocketStats stats(AsteriskSim sim, String channel) {
        return sim.audioSocket(channel).orElseThrow();
    }

    private static List<String> typesOf(AsteriskSim sim, String channelId) {
        return sim.events().stream().filter(e -> e.contains("\"id\":\"" + channelId + "\""))
                .map(e -> e.substring(e.indexOf("\"type\":\"") + 8, e.indexOf('"', e.indexOf("\"type\":\"") + 8)))
                .toList();
    }

    /** An answered caller in the simulator (or none) and the AI session POSTed for its call. */
    private final class Call implements AutoCloseable {
        final UUID callId = UUID.randomUUID();
        final SimCallManager asterisk;
        final CallManagerResponder callManager;
        final EventRecorder events;
        final Pipecatcall created;

        Call(AsteriskSim sim, String format) throws Exception {
            asterisk = sim == null ? null : new SimCallManager(sim);
            callManager = new CallManagerResponder(connectionFactory, json, topology.requestQueue("call-manager"),
                    asterisk == null ? CallManagerResponder.ANSWER_ONLY : asterisk);
            events = new EventRecorder(topology.eventExchange(), json);
            if (asterisk != null) {
                asterisk.answeredCaller(callId);
            }
            created = client().create(new PipecatcallCreate(callId, runner.url(), format, null));
        }

        String id() {
            return created.id().toString();
        }

        Pipecatcall status() {
            return client().get(created.id());
        }

        private PipecatManagerClient client() {
            return new PipecatManagerClient(rpc, topology);
        }

        @Override
        public void close() throws Exception {
            callManager.close();
            events.close();
        }
    }
}
