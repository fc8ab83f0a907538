package net.voipbin.pipecatmanager.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import net.voipbin.contract.callmanager.CallTransferCreate;
import net.voipbin.contract.callmanager.ExternalMediaCreate;
import net.voipbin.contract.pipecatmanager.Pipecatcall;
import net.voipbin.contract.pipecatmanager.PipecatManagerClient;
import net.voipbin.contract.pipecatmanager.PipecatcallCreate;
import net.voipbin.pipecatmanager.audio.Tones;
import net.voipbin.pipecatmanager.audiosocket.AudioSocketServer;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.client.RpcErrorException;
import net.voipbin.rpc.signature.VoipbinSignature;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole bridge on real sockets: RPC in over RabbitMQ, call-manager answered by a real RPC server,
 * Asterisk played by an AudioSocket client, the runner by a Netty WebSocket server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {"voipbin.pipecat.audiosocket-port=0",
        "voipbin.outbound.allowed-networks=127.0.0.0/8"})
class PipecatSessionIT {

    private static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static FakeRunner runner;
    private static HttpServer toolEndpoint;
    private static final Map<String, String> toolRequests = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "pipecat-manager");
    }

    @Autowired RpcClient rpc;
    @Autowired Topology topology;
    @Autowired JsonMapper json;
    @Autowired ConnectionFactory connectionFactory;
    @Autowired AudioSocketServer audioSocket;
    @Autowired MeterRegistry meters;

    @BeforeAll
    static void servers() throws Exception {
        runner = new FakeRunner(GROUP);
        toolEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        toolEndpoint.createContext("/tools", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst(VoipbinSignature.HEADER);
            boolean signed = VoipbinSignature.of("s3cret", body).equals(signature);
            String text = new String(body, StandardCharsets.UTF_8);
            toolRequests.put(text.contains("send_sms") ? "send_sms" : "lookup_customer", text);
            byte[] answer = "{\"customer\":\"Ann\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(signed && !text.contains("send_sms") ? 200 : 500, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        toolEndpoint.start();
    }

    @AfterAll
    static void stop() {
        runner.close();
        toolEndpoint.stop(0);
        GROUP.shutdownGracefully();
    }

    private record Live(Pipecatcall call, FakeAsterisk asterisk, CallManagerResponder callManager, EventRecorder events)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            asterisk.close();
            callManager.close();
            events.close();
        }
    }

    /** POST /v1/pipecatcalls, then Asterisk connects with the UUID call-manager was given, then the runner answers. */
    private Live start(String format) throws Exception {
        CallManagerResponder callManager = new CallManagerResponder(connectionFactory, json,
                topology.requestQueue("call-manager"));
        EventRecorder events = new EventRecorder(topology.eventExchange(), json);
        int connectionsBefore = runner.connections.get();
        String tools = "http://127.0.0.1:" + toolEndpoint.getAddress().getPort() + "/tools";
        Pipecatcall call = new PipecatManagerClient(rpc, topology).create(new PipecatcallCreate(UUID.randomUUID(),
                runner.url(), format, new PipecatcallCreate.ToolEndpoint(tools, "s3cret")));
        ExternalMediaCreate media = (ExternalMediaCreate) callManager.of("external-media").getFirst().body();
        assertThat(media.encapsulation()).isEqualTo("audiosocket");
        assertThat(media.transport()).isEqualTo("tcp");
        assertThat(media.format()).isEqualTo(format);
        assertThat(media.data()).isEqualTo(call.id().toString());
        FakeAsterisk asterisk = new FakeAsterisk(GROUP, audioSocket.port());
        asterisk.sendUuid(UUID.fromString(media.data()));
        asterisk.stream(AudioFormat.of(format));
        await().atMost(DEADLINE).until(() -> runner.connections.get() > connectionsBefore);
        await().atMost(DEADLINE).until(() -> runner.started(call.id()));
        return new Live(call, asterisk, callManager, events);
    }

    @Test
    void callerAudioGoesToTheRunnerAt16kHzAndItsEchoComesBackResampledAtRealTimePace() throws Exception {
        runner.echo = true;
        runner.audio.clear();
        try (Live live = start("slin")) {
            live.asterisk().say(Tones.tone(440, 8000, 8000, 12000), 160);
            // 50 frames said; a stall on a loaded machine may cut some (late caller audio is dropped on purpose).
            await().atMost(DEADLINE).until(() -> runner.audio.stream().filter(f -> !silent(f)).count() >= 40);
            assertThat(runner.audio).allSatisfy(frame -> {
                assertThat(frame.getSampleRate()).isEqualTo(16000);
                assertThat(frame.getAudio().size()).isEqualTo(640);
            });
            await().atMost(DEADLINE).until(() -> soundFrames(live.asterisk()).size() >= 40
                    && live.asterisk().audioFrames().getLast().silent());
            List<FakeAsterisk.Received> echoed = soundFrames(live.asterisk());
            assertThat(live.asterisk().audioFrames()).allSatisfy(f -> assertThat(f.payload()).hasSize(320));
            // The level of a typical frame: on a loaded machine late caller audio is dropped on purpose, and
            // a frame the pacer pads or a jump in phase must not read as a resampler that loses level.
            double level = medianPeak(echoed.subList(2, echoed.size() - 2));
            assertThat(Tones.db(level / 12000)).as("echo level in dB").isBetween(-0.1, 0.1);
            // Real-time pace: the i-th frame can never arrive before i frame times after the handshake
            // (a busy machine only delays frames, so this bound holds under any load; a burst breaks it).
            List<FakeAsterisk.Received> played = live.asterisk().audioFrames();
            for (int i = 0; i < played.size(); i++) {
                long sinceHandshakeMs = (played.get(i).nanos() - live.asterisk().uuidSentNanos) / 1_000_000;
                assertThat(sinceHandshakeMs).as("frame %d", i).isGreaterThanOrEqualTo(i * 20L - 1);
            }

            try (FakeAsterisk garbage = new FakeAsterisk(GROUP, audioSocket.port())) {
                garbage.sendRaw(new byte[] {0x42, 0x42, 0x42, 0x42});
                await().atMost(DEADLINE).until(() -> !garbage.isOpen());
            }
            int before = live.asterisk().frames.size();
            await().atMost(DEADLINE).until(() -> live.asterisk().frames.size() > before + 5);
            assertThat(live.asterisk().isOpen()).isTrue();
        }
    }

    @Test
    void eachToolCallGetsExactlyOneResultAndRepeatsGetTheFirst() throws Exception {
        runner.echo = false;
        try (Live live = start("slin16")) {
            String callId = live.call().callId().toString();
            runner.sendMessage("{\"type\":\"llm_function_call\",\"tool_call_id\":\"t1\",\"function_name\":\"transfer_call\","
                    + "\"arguments\":{\"destination\":\"+15551234567\"}}");
            await().atMost(DEADLINE).until(() -> results("t1").size() == 1);
            runner.sendMessage("{\"type\":\"llm_function_call\",\"tool_call_id\":\"t1\",\"function_name\":\"transfer_call\","
                    + "\"arguments\":{\"destination\":\"+15550000000\"}}");
            await().atMost(DEADLINE).until(() -> results("t1").size() == 2);
            assertThat(live.callManager().of("transfer")).singleElement().satisfies(r -> {
                assertThat(r.callId()).isEqualTo(callId);
                assertThat(((CallTransferCreate) r.body()).destination()).isEqualTo("+15551234567");
            });
            assertThat(results("t1").get(1)).isEqualTo(results("t1").get(0));
            assertThat(json.readTree(results("t1").get(0)).path("success").asBoolean()).isTrue();

            runner.sendMessage("{\"type\":\"llm_function_call\",\"tool_call_id\":\"t2\",\"function_name\":\"lookup_customer\","
                    + "\"arguments\":{\"phone\":\"+15551234567\"}}");
            runner.sendMessage("{\"type\":\"llm_function_call\",\"tool_call_id\":\"t3\",\"function_name\":\"send_sms\","
                    + "\"arguments\":{\"text\":\"hi\"}}");
            runner.sendMessage("{\"type\":\"llm_function_call\",\"tool_call_id\":\"t4\",\"function_name\":\"launch_rocket\"}");
            await().atMost(DEADLINE).until(() -> results("t2").size() == 1 && results("t3").size() == 1
                    && results("t4").size() == 1);
            JsonNode lookup = json.readTree(results("t2").getFirst());
            assertThat(lookup.path("success").asBoolean()).isTrue();
            assertThat(lookup.path("result").path("customer").asString()).isEqualTo("Ann");
            assertThat(toolRequests.get("lookup_customer")).contains("\"call_id\":\"" + callId + "\"");
            assertThat(json.readTree(results("t3").getFirst()).path("result").path("error").asString())
                    .isEqualTo("tool_endpoint_error");
            assertThat(json.readTree(results("t4").getFirst()).path("result").path("error").asString())
                    .isEqualTo("unknown_function");
            String id = live.call().id().toString();
            await().atMost(DEADLINE).until(() -> live.events().of("pipecatcall_tool_called", id).size() == 4);
        }
    }

    @Test
    void anInterruptionFlushesTheQueuedAudioWithinAFrame() throws Exception {
        runner.echo = false;
        try (Live live = start("ulaw")) {
            runner.sendAudio(Tones.tone(300, 16000, 48000, 8000), 16000);
            runner.sendInterruption();
            int before = live.asterisk().frames.size();
            await().atMost(DEADLINE).until(() -> live.asterisk().frames.size() > before + 25);
            // Three seconds were queued; at most the frame already on its way plays, then silence (0xFF in mu-law).
            long played = live.asterisk().audioFrames().stream().filter(f -> !ulawSilent(f.payload())).count();
            assertThat(played).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void endCallHangsUpOnlyAfterTheQueuedAudioHasPlayed() throws Exception {
        runner.echo = false;
        try (Live live = start("slin")) {
            runner.sendAudio(Tones.tone(500, 16000, 8000, 8000), 16000);
            runner.sendMessage("{\"type\":\"llm_function_call\",\"tool_call_id\":\"bye\",\"function_name\":\"end_call\"}");
            await().atMost(DEADLINE).until(() -> live.asterisk().receivedHangup() && !live.asterisk().isOpen());
            assertThat(soundFrames(live.asterisk())).hasSize(25);
            List<FakeAsterisk.Received> frames = live.asterisk().frames;
            assertThat(frames.getLast().kind()).isZero();
            assertThat(live.callManager().of("hangup")).singleElement()
                    .satisfies(r -> assertThat(r.callId()).isEqualTo(live.call().callId().toString()));
            await().atMost(DEADLINE).until(() -> results("bye").size() == 1);
            String id = live.call().id().toString();
            await().atMost(DEADLINE).until(() -> live.events().of("pipecatcall_ended", id).size() == 1);
            assertThat(live.events().of("pipecatcall_ended", id).getFirst().path("data").path("end_reason").asString())
                    .isEqualTo("end_call");
        }
    }

    @Test
    void deleteEndsTheSessionWithAHangupFrameAndAnEvent() throws Exception {
        try (Live live = start("slin16")) {
            PipecatManagerClient client = new PipecatManagerClient(rpc, topology);
            int closedBefore = runner.closed.get();
            double sessions = meters.get("voipbin.audio.sessions").gauge().value();
            assertThat(sessions).as("sessions an operator sees").isGreaterThanOrEqualTo(1);
            Pipecatcall ended = client.delete(live.call().id());
            assertThat(ended.status()).isEqualTo("ended");
            assertThat(ended.endReason()).isEqualTo("deleted");
            await().atMost(DEADLINE).until(() -> live.asterisk().receivedHangup() && !live.asterisk().isOpen());
            await().atMost(DEADLINE).until(() -> runner.closed.get() > closedBefore);
            String id = live.call().id().toString();
            await().atMost(DEADLINE).until(() -> live.events().of("pipecatcall_ended", id).size() == 1);
            assertThat(live.events().of("pipecatcall_started", id)).hasSize(1);
            assertThat(client.get(live.call().id()).status()).isEqualTo("ended");
            await().atMost(DEADLINE).until(() -> meters.get("voipbin.audio.sessions").gauge().value() == sessions - 1);
        }
    }

    @Test
    void asteriskClosingTheSocketEndsTheSessionCleanly() throws Exception {
        try (Live live = start("slin")) {
            int closedBefore = runner.closed.get();
            live.asterisk().close();
            String id = live.call().id().toString();
            await().atMost(DEADLINE).until(() -> live.events().of("pipecatcall_ended", id).size() == 1);
            assertThat(live.events().of("pipecatcall_ended", id).getFirst().path("data").path("end_reason").asString())
                    .isEqualTo("caller socket closed");
            await().atMost(DEADLINE).until(() -> runner.closed.get() > closedBefore);
        }
    }

    @Test
    void aBadRequestNamesTheField() {
        PipecatManagerClient client = new PipecatManagerClient(rpc, topology);
        assertThatThrownBy(() -> client.create(new PipecatcallCreate(UUID.randomUUID(), "http://x", "slin", null)))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorBody().field()).isEqualTo("runner_url");
                });
        assertThatThrownBy(() -> client.get(UUID.randomUUID()))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aPrivateRunnerOrToolEndpointIsA400NamingTheFieldAndTheRuleAndNothingStarts() throws Exception {
        PipecatManagerClient client = new PipecatManagerClient(rpc, topology);
        try (CallManagerResponder callManager = new CallManagerResponder(connectionFactory, json,
                topology.requestQueue("call-manager"))) {
            assertThatThrownBy(() -> client.create(new PipecatcallCreate(UUID.randomUUID(), "ws://10.0.0.5:8765/runner",
                    "slin", null))).isInstanceOfSatisfying(RpcErrorException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.errorBody().field()).isEqualTo("runner_url");
                        assertThat(e.errorBody().message()).isEqualTo("runner_url: address 10.0.0.5 is private (10.0.0.0/8)");
                    });
            PipecatcallCreate.ToolEndpoint metadata = new PipecatcallCreate.ToolEndpoint(
                    "http://169.254.169.254/latest/meta-data", "s3cret");
            assertThatThrownBy(() -> client.create(new PipecatcallCreate(UUID.randomUUID(), runner.url(), "slin", metadata)))
                    .isInstanceOfSatisfying(RpcErrorException.class, e -> {
                        assertThat(e.errorBody().field()).isEqualTo("tool_endpoint.url");
                        assertThat(e.errorBody().message())
                                .isEqualTo("tool_endpoint.url: address 169.254.169.254 is link-local (169.254.0.0/16)");
                    });
            assertThat(callManager.of("external-media")).isEmpty();
        }
    }

    @Test
    void aRunnerFrameOfATypeThisServiceDoesNotKnowIsSkippedAndCountedAndTheCallGoesOn() throws Exception {
        runner.echo = false;
        double skippedBefore = meters.counter("pipecat.runner.frames.skipped").count();
        try (Live live = start("slin16")) {
            runner.sendRaw(new byte[] {0x32, 0x02, 0x08, 0x01});   // Frame{6: {id: 1}}: a newer Pipecat's frame type
            runner.sendAudio(Tones.tone(500, 16000, 6400, 8000), 16000);
            await().atMost(DEADLINE).until(() -> soundFrames(live.asterisk()).size() == 20
                    && live.asterisk().audioFrames().getLast().silent());
            String id = live.call().id().toString();
            assertThat(live.asterisk().receivedHangup()).isFalse();
            assertThat(live.asterisk().isOpen()).isTrue();
            assertThat(live.events().of("pipecatcall_ended", id)).isEmpty();
            await().atMost(DEADLINE).until(() -> new PipecatManagerClient(rpc, topology).get(live.call().id()).status(),
                    "running"::equals);
            assertThat(meters.counter("pipecat.runner.frames.skipped").count()).isEqualTo(skippedBefore + 1);
        }
    }

    @Test
    void callerAudioThatPiledUpDuringAStallIsCutToTheStartupBufferSoTheCallNeverRunsLate() throws Exception {
        runner.echo = true;
        try (Live live = start("slin16")) {
            FakeAsterisk asterisk = live.asterisk();
            asterisk.numberFrames();
            asterisk.holdBack(true);   // as if our loop, or the first runner connection, stalled for half a second
            long heldFrom = asterisk.made.get();
            await().atMost(DEADLINE).until(() -> asterisk.made.get() >= heldFrom + 25);
            asterisk.holdBack(false);
            long released = asterisk.made.get();
            // The runner echoes every frame; after a second of real time, how many frames behind the
            // caller is what the caller hears back? (caller frames made when a numbered frame came back)
            await().atMost(DEADLINE).until(() -> echoes(asterisk, released + 50).size() >= 50);
            List<Long> lag = echoes(asterisk, released + 50).stream().map(f -> f.made() - f.firstSample()).sorted().toList();
            System.out.printf("echo behind the caller after a 25-frame burst: median %d, max %d frames%n",
                    lag.get(lag.size() / 2), lag.getLast());
            assertThat(lag.get(lag.size() / 2)).as("median delay in frames of the echo behind the caller, after the burst")
                    .isLessThanOrEqualTo(12);
        }
    }

    /** Numbered frames echoed back to the caller, from those that arrived once {@code madeFrom} caller frames were made. */
    private static List<FakeAsterisk.Received> echoes(FakeAsterisk asterisk, long madeFrom) {
        return asterisk.audioFrames().stream().filter(f -> f.made() >= madeFrom && !f.silent()).toList();
    }

    private static boolean silent(net.voipbin.pipecatmanager.runner.proto.Frames.AudioRawFrame frame) {
        for (byte b : frame.getAudio().toByteArray()) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static List<String> results(String toolCallId) {
        return runner.messagesOfType("llm_function_call_result").stream()
                .filter(m -> m.contains("\"tool_call_id\":\"" + toolCallId + "\"")).toList();
    }

    /**
     * Every frame that carries sound, in order. A loaded machine may let the playout run dry for a frame
     * and fill it with silence; the sound is then late, not lost, so the gaps are left out.
     */
    private static List<FakeAsterisk.Received> soundFrames(FakeAsterisk asterisk) {
        return asterisk.audioFrames().stream().filter(f -> !f.silent()).toList();
    }

    /** The median over frames of each frame's RMS × √2: a sine's peak, whatever the others hold. */
    private static double medianPeak(List<FakeAsterisk.Received> frames) {
        double[] peaks = frames.stream().mapToDouble(frame -> {
            short[] samples = samples(List.of(frame));
            double power = 0;
            for (short sample : samples) {
                power += (double) sample * sample;
            }
            return Math.sqrt(2 * power / samples.length);
        }).sorted().toArray();
        return peaks[peaks.length / 2];
    }

    private static short[] samples(List<FakeAsterisk.Received> frames) {
        short[] out = new short[frames.size() * 160];
        int n = 0;
        for (FakeAsterisk.Received frame : frames) {
            for (int i = 0; i + 1 < frame.payload().length; i += 2) {
                out[n++] = (short) ((frame.payload()[i] & 0xFF) | frame.payload()[i + 1] << 8);
            }
        }
        return out;
    }

    private static boolean ulawSilent(byte[] payload) {
        for (byte b : payload) {
            if (b != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }
}
