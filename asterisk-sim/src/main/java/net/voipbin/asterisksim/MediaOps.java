package net.voipbin.asterisksim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

/**
 * Playbacks and recordings. Playbacks on one target queue behind each other as in Asterisk: each
 * plays for its media's length (scaled), then {@code PlaybackFinished} "done" and the next starts;
 * the target hanging up ends the playing one "failed". {@code tone:} media plays until stopped.
 */
final class MediaOps {

    private final World world;

    MediaOps(World world) {
        this.world = world;
    }

    ObjectNode play(String targetUri, String media, String playbackId) {
        if (media == null || media.isBlank()) {
            throw AriError.missing("media");
        }
        String id = playbackId == null || playbackId.isBlank() ? UUID.randomUUID().toString() : playbackId;
        if (world.playbacks.containsKey(id)) {
            throw new AriError(409, "Playback with the same ID already exists");
        }
        List<String> items = List.of(media.split(","));
        SimPlayback playback = new SimPlayback(id, items.getFirst(), targetUri, lengthMillis(items));
        world.playbacks.put(id, playback);
        Deque<SimPlayback> queue = world.playbackQueues.computeIfAbsent(targetUri, t -> new ArrayDeque<>());
        queue.addLast(playback);
        if (queue.size() == 1) {
            start(playback);
        }
        return playback.toJson();
    }

    ObjectNode playback(String id) {
        return find(id).toJson();
    }

    void stop(String id) {
        finish(find(id), "done");
    }

    ObjectNode record(String targetUri, String name, String format, int maxDurationSeconds) {
        if (name == null || name.isBlank()) {
            throw AriError.missing("name");
        }
        if (format == null || format.isBlank()) {
            throw AriError.missing("format");
        }
        if (world.recordings.containsKey(name)) {
            throw new AriError(409, "Recording with the same name already exists on the system");
        }
        SimRecording recording = new SimRecording(name, format, targetUri);
        world.recordings.put(name, recording);
        ObjectNode response = recording.toJson();
        recording.state = "recording";
        recording.startedAt = world.clock.instant();
        world.emit(world.events.recording("RecordingStarted", recording));
        if (maxDurationSeconds > 0) {
            recording.limit = world.after(Duration.ofSeconds(maxDurationSeconds), () -> finishRecording(recording));
        }
        return response;
    }

    ObjectNode liveRecording(String name) {
        return findRecording(name).toJson();
    }

    void stopRecording(String name) {
        finishRecording(findRecording(name));
    }

    /** The target went away: its playing media fails, queued media is dropped, recordings end. */
    void endAllFor(String targetUri) {
        Deque<SimPlayback> queue = world.playbackQueues.get(targetUri);
        if (queue != null && !queue.isEmpty()) {
            SimPlayback playing = queue.peekFirst();
            queue.stream().skip(1).forEach(queued -> world.playbacks.remove(queued.id));
            queue.clear();
            queue.add(playing);
            finish(playing, "failed");
        }
        for (SimRecording recording : new ArrayList<>(world.recordings.values())) {
            if (recording.targetUri.equals(targetUri)) {
                finishRecording(recording);
            }
        }
    }

    private void start(SimPlayback playback) {
        playback.state = "playing";
        world.emit(world.events.playback("PlaybackStarted", playback));
        if (playback.lengthMillis >= 0) {
            playback.finish = world.afterMillis(playback.lengthMillis, () -> finish(playback, "done"));
        }
    }

    private void finish(SimPlayback playback, String state) {
        if (world.playbacks.remove(playback.id) == null) {
            return;
        }
        if (playback.finish != null) {
            playback.finish.cancel(false);
        }
        Deque<SimPlayback> queue = world.playbackQueues.getOrDefault(playback.targetUri, new ArrayDeque<>());
        boolean wasPlaying = queue.peekFirst() == playback;
        queue.remove(playback);
        if (!wasPlaying) {
            return;
        }
        playback.state = state;
        world.emit(world.events.playback("PlaybackFinished", playback));
        if (queue.isEmpty()) {
            world.playbackQueues.remove(playback.targetUri);
        } else {
            start(queue.peekFirst());
        }
    }

    private void finishRecording(SimRecording recording) {
        if (world.recordings.remove(recording.name) == null) {
            return;
        }
        if (recording.limit != null) {
            recording.limit.cancel(false);
        }
        long elapsed = Duration.between(recording.startedAt, world.clock.instant()).toMillis();
        recording.state = "done";
        recording.duration = (int) Math.round(elapsed / world.config.timeScale() / 1000.0);
        world.emit(world.events.recording("RecordingFinished", recording));
    }

    private long lengthMillis(List<String> items) {
        long total = 0;
        for (String item : items) {
            if (item.startsWith("tone:")) {
                return -1;
            }
            total += world.config.scaledMillis(world.config.mediaLength(item));
        }
        return total;
    }

    private SimPlayback find(String id) {
        SimPlayback playback = world.playbacks.get(id);
        if (playback == null) {
            throw new AriError(404, "Playback not found");
        }
        return playback;
    }

    private SimRecording findRecording(String name) {
        SimRecording recording = world.recordings.get(name);
        if (recording == null) {
            throw new AriError(404, "Recording not found");
        }
        return recording;
    }
}
