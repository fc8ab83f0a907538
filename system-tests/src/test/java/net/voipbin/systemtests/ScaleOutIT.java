package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import net.voipbin.systemtests.BusRecorder.BusEvent;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;

/**
 * Three call-managers and three flow-managers as processes; 200 callers run an IVR with digits while one
 * call-manager (the one consuming the ARI partitions) and the leading flow-manager are killed with
 * SIGKILL. Every call still ends, in order, and each call's end is announced exactly once.
 */
class ScaleOutIT {

    private static final int CALLS = 200;
    private static final int RATE = 10;
    private static final int KILL_AT_CALL = 80;
    private static final String IVR = """
            {"name": "ivr", "actions": [
              {"id": "answer", "type": "answer", "option": {}},
              {"id": "greet", "type": "talk", "option": {"text": "hello world", "language": "en-US"}},
              {"id": "digits", "type": "digits_receive", "option": {"timeout_ms": 2000, "max_length": 1}},
              {"id": "menu", "type": "branch", "option": {"variable": "voipbin.call.digits",
                  "target_ids": {"1": "play_a"}, "default_target_id": "play_b"}},
              {"id": "play_a", "type": "play", "option": {"media": ["sound:option-a"]}, "next_id": "bye"},
              {"id": "play_b", "type": "play", "option": {"media": ["sound:option-b"]}},
              {"id": "bye", "type": "hangup", "option": {"reason": "normal"}}
            ]}""";

    private static ScaleOutFleet fleet;
    private static BusRecorder bus;
    private final CustomerApi customer = new CustomerApi(fleet);

    @BeforeAll
    static void startFleet() {
        fleet = ScaleOutFleet.start(3, List.of());
        bus = new BusRecorder(TestInfra.rabbit().connectionFactory(), fleet.eventExchange());
    }

    @AfterAll
    static void stopFleet() {
        if (bus != null) {
            bus.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void everyCallEndsInOrderAndIsAnnouncedOnceWhenACallManagerAndTheLeadingFlowManagerAreKilled() throws Exception {
        String number = customer.numberRunning(IVR);
        List<String> channels = new CopyOnWriteArrayList<>();
        ScheduledExecutorService callers = Executors.newScheduledThreadPool(4);
        CompletableFuture<Set<String>> liveAtKill = new CompletableFuture<>();
        try {
            for (int i = 0; i < CALLS; i++) {
                String channel = fleet.sim().placeCall("+1555100" + (1000 + i), number);
                channels.add(channel);
                // The caller presses 1 during the menu; a press before the collection started is lost, and the
                // menu's timeout takes the call on all the same.
                callers.schedule(() -> pressQuietly(channel), 2_500, TimeUnit.MILLISECONDS);
                if (i == KILL_AT_CALL) {
                    liveAtKill.complete(new HashSet<>(fleet.sim().liveChannels()));
                    fleet.killFirstInstances();
                    callers.execute(() -> awaitGone(liveAtKill.join()));
                }
                Thread.sleep(1000 / RATE);
            }
        } finally {
            callers.shutdown();
        }
        assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(liveAtKill.join()).as("calls in progress at the kill").hasSizeGreaterThan(10);
        assertThat(lateAtKill).as("calls in progress at the kill still up 10 s later").isEmpty();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> fleet.sim().liveChannels().stream().noneMatch(channels::contains));
        Map<String, JsonNode> calls = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> customer.callsByChannel(fleet::liveCallManager), byChannel -> byChannel.keySet().containsAll(channels)
                        && channels.stream().allMatch(c -> "hangup".equals(byChannel.get(c).path("status").asString())));

        Map<String, List<SimControl.AriRequest>> commands = commandsByChannel(channels);
        for (String channel : channels) {
            assertInOrder(channel, kinds(commands.getOrDefault(channel, List.of())));
        }
        // Every end announced, each once when duplicates are dropped by event id (the outbox of a killed
        // instance sends what it had not got confirmed, with the same id, within its stale-after).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> channels.stream()
                .allMatch(c -> announcedOnce(calls.get(c).path("id").asString())));
    }

    private final List<String> lateAtKill = new CopyOnWriteArrayList<>();

    /** Waits 10 s from the kill for the calls then in progress to end, and notes those still up. */
    private void awaitGone(Set<String> atKill) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Set<String> live = new HashSet<>(atKill);
        while (System.nanoTime() < deadline && !live.isEmpty()) {
            live.retainAll(fleet.sim().liveChannels());
            sleep(250);
        }
        live.retainAll(fleet.sim().liveChannels());
        lateAtKill.addAll(live);
    }

    private boolean announcedOnce(String callId) {
        List<BusEvent> events = bus.ofCall(callId);
        return distinctIds(events, "call_hungup") == 1 && distinctIds(events, "activeflow_deleted") == 1;
    }

    private static long distinctIds(List<BusEvent> events, String type) {
        return events.stream().filter(e -> type.equals(e.type())).map(BusEvent::eventId).distinct().count();
    }

    /**
     * answer, then plays, then the hangup, and nothing after it. A command may come twice (a flow-manager
     * killed mid-action has its action run again by the next leader: at least once), never out of order.
     */
    private static void assertInOrder(String channel, List<String> kinds) {
        assertThat(String.join(" ", kinds)).as("ARI commands of %s", channel).matches("(answer )+(play )*hangup( hangup)*");
    }

    private static List<String> kinds(List<SimControl.AriRequest> requests) {
        return requests.stream().map(r -> r.method().equals("DELETE") ? "hangup"
                : r.path().endsWith("/answer") ? "answer" : r.path().contains("/play") ? "play" : r.path()).toList();
    }

    /** The simulator's requests about each channel (and its playbacks), in arrival order. */
    private static Map<String, List<SimControl.AriRequest>> commandsByChannel(List<String> channels) {
        Set<String> wanted = Set.copyOf(channels);
        Map<String, List<SimControl.AriRequest>> byChannel = new java.util.HashMap<>();
        for (SimControl.AriRequest request : fleet.sim().requests()) {
            String[] parts = request.path().replaceFirst("^/ari", "").split("/");
            if (parts.length > 2 && parts[1].equals("channels") && wanted.contains(parts[2])) {
                byChannel.computeIfAbsent(parts[2], c -> new ArrayList<>()).add(request);
            }
        }
        return byChannel;
    }

    private void pressQuietly(String channel) {
        try {
            fleet.sim().pressDigits(channel, "1");
        } catch (RuntimeException e) {
            // the call may be over already
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
