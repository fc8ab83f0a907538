package net.voipbin.outdialmanager.outdial;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import net.voipbin.contract.outdialmanager.Outdial;

/** An outdial as stored. A null version makes Spring Data JDBC insert it (the id is ours, not generated). */
@Table("outdials")
class OutdialEntity {

    @Id
    private final UUID id;
    private final UUID customerId;
    private String name;
    private String detail;
    @Version
    private Long version;
    private final Instant tmCreate;
    private Instant tmUpdate;
    private Instant tmDelete;

    @PersistenceCreator
    OutdialEntity(UUID id, UUID customerId, String name, String detail, Long version, Instant tmCreate,
            Instant tmUpdate, Instant tmDelete) {
        this.id = id;
        this.customerId = customerId;
        this.name = name;
        this.detail = detail;
        this.version = version;
        this.tmCreate = tmCreate;
        this.tmUpdate = tmUpdate;
        this.tmDelete = tmDelete;
    }

    static OutdialEntity create(UUID id, UUID customerId, String name, String detail, Instant now) {
        return new OutdialEntity(id, customerId, name, detail, null, now, now, null);
    }

    /** Null fields stay as they are. */
    void change(String newName, String newDetail, Instant now) {
        name = newName == null ? name : newName;
        detail = newDetail == null ? detail : newDetail;
        tmUpdate = now;
    }

    void delete(Instant now) {
        tmDelete = now;
        tmUpdate = now;
    }

    UUID id() {
        return id;
    }

    Outdial toOutdial() {
        return new Outdial(id, customerId, name, detail, tmCreate, tmUpdate);
    }
}
