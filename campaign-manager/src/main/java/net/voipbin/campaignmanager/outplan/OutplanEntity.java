package net.voipbin.campaignmanager.outplan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import net.voipbin.contract.campaignmanager.Outplan;

/** An outplan as stored. A null version makes Spring Data JDBC insert it (the id is ours). */
@Table("outplans")
class OutplanEntity {

    @Id
    private final UUID id;
    private final UUID customerId;
    private String name;
    private String detail;
    private String source;
    private int dialTimeoutMs;
    private List<Integer> maxTries;
    private long retryBusyMs;
    private long retryNoAnswerMs;
    private long retryUnavailableMs;
    private long retryFailedMs;
    @Version
    private Long version;
    private final Instant tmCreate;
    private Instant tmUpdate;
    private Instant tmDelete;

    @PersistenceCreator
    OutplanEntity(UUID id, UUID customerId, String name, String detail, String source, int dialTimeoutMs,
            List<Integer> maxTries, long retryBusyMs, long retryNoAnswerMs, long retryUnavailableMs, long retryFailedMs,
            Long version, Instant tmCreate, Instant tmUpdate, Instant tmDelete) {
        this.id = id;
        this.customerId = customerId;
        this.name = name;
        this.detail = detail;
        this.source = source;
        this.dialTimeoutMs = dialTimeoutMs;
        this.maxTries = List.copyOf(maxTries);
        this.retryBusyMs = retryBusyMs;
        this.retryNoAnswerMs = retryNoAnswerMs;
        this.retryUnavailableMs = retryUnavailableMs;
        this.retryFailedMs = retryFailedMs;
        this.version = version;
        this.tmCreate = tmCreate;
        this.tmUpdate = tmUpdate;
        this.tmDelete = tmDelete;
    }

    static OutplanEntity create(UUID customerId, OutplanRequests.Create r, String source, Instant now) {
        return new OutplanEntity(UUID.randomUUID(), customerId, r.name().trim(), r.detail() == null ? "" : r.detail(),
                source, r.dialTimeoutMs(), r.maxTries(), r.retryBusyMs(), r.retryNoAnswerMs(), r.retryUnavailableMs(),
                r.retryFailedMs(), null, now, now, null);
    }

    /** Null fields stay as they are; {@code newSource} is already E.164. */
    void change(OutplanRequests.Update r, String newSource, Instant now) {
        name = r.name() == null ? name : r.name().trim();
        detail = r.detail() == null ? detail : r.detail();
        source = newSource == null ? source : newSource;
        dialTimeoutMs = r.dialTimeoutMs() == null ? dialTimeoutMs : r.dialTimeoutMs();
        maxTries = r.maxTries() == null ? maxTries : List.copyOf(r.maxTries());
        retryBusyMs = r.retryBusyMs() == null ? retryBusyMs : r.retryBusyMs();
        retryNoAnswerMs = r.retryNoAnswerMs() == null ? retryNoAnswerMs : r.retryNoAnswerMs();
        retryUnavailableMs = r.retryUnavailableMs() == null ? retryUnavailableMs : r.retryUnavailableMs();
        retryFailedMs = r.retryFailedMs() == null ? retryFailedMs : r.retryFailedMs();
        tmUpdate = now;
    }

    void delete(Instant now) {
        tmDelete = now;
        tmUpdate = now;
    }

    Outplan toOutplan() {
        return new Outplan(id, customerId, name, detail, source, dialTimeoutMs, maxTries, retryBusyMs, retryNoAnswerMs,
                retryUnavailableMs, retryFailedMs, tmCreate, tmUpdate);
    }
}
