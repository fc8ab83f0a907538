package net.voipbin.campaignmanager.dnc;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A do-not-call entry as stored; unique per customer and number. */
@Table("dnc_numbers")
class DncEntity {

    @Id
    private final UUID id;
    private final UUID customerId;
    private final String number;
    private String note;
    @Version
    private Long version;
    private final Instant tmCreate;
    private Instant tmUpdate;

    @PersistenceCreator
    DncEntity(UUID id, UUID customerId, String number, String note, Long version, Instant tmCreate, Instant tmUpdate) {
        this.id = id;
        this.customerId = customerId;
        this.number = number;
        this.note = note;
        this.version = version;
        this.tmCreate = tmCreate;
        this.tmUpdate = tmUpdate;
    }

    static DncEntity create(UUID customerId, String number, String note, Instant now) {
        return new DncEntity(UUID.randomUUID(), customerId, number, note == null ? "" : note, null, now, now);
    }

    void note(String newNote, Instant now) {
        note = newNote == null ? note : newNote;
        tmUpdate = now;
    }

    DncEntry toEntry() {
        return new DncEntry(id, customerId, number, note, tmCreate, tmUpdate);
    }
}
