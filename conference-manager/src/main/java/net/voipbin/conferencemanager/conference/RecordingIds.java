package net.voipbin.conferencemanager.conference;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every recording a conference has made, in order ({@code recording_ids}, a uuid[] column kept by hand). */
@Repository
class RecordingIds {

    private final JdbcClient jdbc;

    RecordingIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UUID> of(UUID conferenceId) {
        return jdbc.sql("SELECT r.id FROM conferences c, unnest(c.recording_ids) WITH ORDINALITY AS r(id, n) "
                        + "WHERE c.id = :id ORDER BY r.n")
                .param("id", conferenceId).query(UUID.class).list();
    }

    void append(UUID conferenceId, UUID recordingId) {
        jdbc.sql("UPDATE conferences SET recording_ids = array_append(recording_ids, :recording) WHERE id = :id")
                .param("id", conferenceId).param("recording", recordingId).update();
    }
}
