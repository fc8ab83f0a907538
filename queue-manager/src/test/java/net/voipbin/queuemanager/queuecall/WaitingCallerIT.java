package net.voipbin.queuemanager.queuecall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.contract.queuemanager.QueuecallStatus;
import net.voipbin.queuemanager.QueueManagerITBase;

/**
 * What a waiting caller hears, as call-manager is asked to play it: music on hold of the queue's class from the
 * start of the wait, stopped for each announcement and started again after it; the wait actions in a loop; and
 * nothing of it once an agent answered (stopped before the bridge, never started again).
 */
class WaitingCallerIT extends QueueManagerITBase {

    private static String unique(String name) {
        return name + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void musicPlaysBetweenAnnouncementsAndStopsForGoodWhenAnAgentAnswers() {
        String agentName = unique("agent");
        UUID agent = agent(agentName);
        agentStatus(agent, "away");
        UUID queue = queue("{\"name\":\"moh\",\"moh_class\":\"jazz\",\"announcement_interval_seconds\":1}");
        String caller = unique("caller");
        Queuecall q = join(queue, caller);

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(calls.heardBy(caller)).containsSubsequence(
                "talk You are caller number 1.", "moh jazz", "moh_stop", "talk You are caller number 1.", "moh jazz"));
        assertThat(calls.heardBy(caller).getFirst()).as("the announcement first, then the music")
                .isEqualTo("talk You are caller number 1.");

        agentStatus(agent, "available");
        await().atMost(DEADLINE).until(() -> read(q).status() == QueuecallStatus.CONNECTED);
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(beforeBridge(caller)).isIn("moh_stop", "media_stop"));
        assertThat(calls.heardBy(caller)).contains("bridge " + agentName);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> afterBridge(caller).stream()
                .noneMatch(c -> c.startsWith("moh ") || c.startsWith("talk ") || c.startsWith("play ")));
    }

    @Test
    void theWaitActionsPlayInALoopWithMusicDuringASleep() {
        String agentName = unique("agent");
        UUID agent = agent(agentName);
        agentStatus(agent, "away");
        UUID queue = queue("{\"name\":\"steps\",\"position_announcement\":\"\",\"wait_actions\":["
                + "{\"type\":\"talk\",\"text\":\"Thanks for waiting\"},{\"type\":\"sleep\",\"duration_ms\":500},"
                + "{\"type\":\"play\",\"media\":[\"sound:jingle\"]}]}");
        String caller = unique("caller");
        Queuecall q = join(queue, caller);

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(calls.heardBy(caller)).startsWith(
                "talk Thanks for waiting", "moh default", "moh_stop", "play sound:jingle", "talk Thanks for waiting",
                "moh default"));

        agentStatus(agent, "available");
        await().atMost(DEADLINE).until(() -> read(q).status() == QueuecallStatus.CONNECTED);
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(beforeBridge(caller)).isIn("moh_stop", "media_stop"));
        assertThat(calls.heardBy(caller)).contains("bridge " + agentName);
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() -> afterBridge(caller).stream()
                .noneMatch(c -> c.startsWith("moh ") || c.startsWith("talk ") || c.startsWith("play ")));
    }

    @Test
    void aQueueWithoutAMusicClassLeavesTheCallerInSilenceBetweenAnnouncements() {
        UUID queue = queue("{\"name\":\"quiet\",\"moh_class\":\"\",\"announcement_interval_seconds\":1}");
        String caller = unique("caller");
        join(queue, caller);

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(calls.heardBy(caller))
                .containsSubsequence("talk You are caller number 1.", "talk You are caller number 1."));
        assertThat(calls.heardBy(caller)).noneMatch(c -> c.startsWith("moh"));
    }

    /** What the caller was told last before the bridge: the music or the prompt playing is stopped. */
    private String beforeBridge(String caller) {
        List<String> heard = calls.heardBy(caller);
        for (int i = 1; i < heard.size(); i++) {
            if (heard.get(i).startsWith("bridge ")) {
                return heard.get(i - 1);
            }
        }
        return "(no bridge yet)";
    }

    private List<String> afterBridge(String caller) {
        List<String> heard = calls.heardBy(caller);
        int bridge = 0;
        for (int i = 0; i < heard.size(); i++) {
            if (heard.get(i).startsWith("bridge ")) {
                bridge = i;
            }
        }
        return heard.subList(bridge + 1, heard.size());
    }
}
