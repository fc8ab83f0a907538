package net.voipbin.outdialmanager.outdialtarget;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import net.voipbin.contract.outdialmanager.ClaimRequests.AttemptOutcome;
import net.voipbin.contract.outdialmanager.OutdialTarget;
import net.voipbin.contract.outdialmanager.OutdialTargetStatus;
import net.voipbin.rpc.error.ApiException;

/**
 * A target as stored, with the rules of its life: a claimed attempt ends in an outcome (which counts a
 * try on the claimed slot), a release (which does not) or a lapsed lease; only the holder of the
 * latest claim may end it. A null version makes Spring Data JDBC insert it.
 */
@Table("outdialtargets")
class OutdialTargetEntity {

    @Id
    private final UUID id;
    private final UUID customerId;
    private final UUID outdialId;
    private String name;
    private String detail;
    private String data;
    private List<String> destinations;
    private List<Integer> tryCounts;
    private OutdialTargetStatus status;
    private String timeZone;
    private Instant nextTryAt;
    private UUID claimId;
    private Integer claimSlot;
    @Version
    private Long version;
    private final Instant tmCreate;
    private Instant tmUpdate;
    private Instant tmDelete;

    @PersistenceCreator
    OutdialTargetEntity(UUID id, UUID customerId, UUID outdialId, String name, String detail, String data,
            List<String> destinations, List<Integer> tryCounts, OutdialTargetStatus status, String timeZone,
            Instant nextTryAt, UUID claimId, Integer claimSlot, Long version, Instant tmCreate, Instant tmUpdate,
            Instant tmDelete) {
        this.id = id;
        this.customerId = customerId;
        this.outdialId = outdialId;
        this.name = name;
        this.detail = detail;
        this.data = data;
        this.destinations = List.copyOf(destinations);
        this.tryCounts = List.copyOf(tryCounts);
        this.status = status;
        this.timeZone = timeZone;
        this.nextTryAt = nextTryAt;
        this.claimId = claimId;
        this.claimSlot = claimSlot;
        this.version = version;
        this.tmCreate = tmCreate;
        this.tmUpdate = tmUpdate;
        this.tmDelete = tmDelete;
    }

    static OutdialTargetEntity create(UUID id, UUID customerId, UUID outdialId, TargetDraft draft, Instant now) {
        return new OutdialTargetEntity(id, customerId, outdialId, draft.name(), draft.detail(), draft.data(),
                draft.destinations(), zeros(draft.destinations().size()), OutdialTargetStatus.IDLE, draft.timeZone(),
                now, null, null, null, now, now, null);
    }

    /** The customer's edit. New destinations are refused while a dialer holds the target. */
    void edit(String newName, String newDetail, String newData, List<String> newDestinations, String newZone,
            Instant now) {
        if (newDestinations != null && !newDestinations.equals(destinations)) {
            if (status == OutdialTargetStatus.PROGRESSING) {
                throw ApiException.conflict("target_progressing",
                        "target " + id + " is being dialled: its destinations cannot change until the attempt ends");
            }
            tryCounts = keptTries(newDestinations);
            destinations = List.copyOf(newDestinations);
        }
        name = newName == null ? name : newName;
        detail = newDetail == null ? detail : newDetail;
        data = newData == null ? data : newData;
        timeZone = newZone == null ? timeZone : newZone;
        tmUpdate = now;
    }

    /** The claimed attempt happened (or, for dnc, was not allowed to). False: this claim's report came already. */
    boolean report(UUID claim, AttemptOutcome outcome, Instant retryAt, List<Integer> maxTries, Instant now) {
        if (!holds(claim)) {
            return false;
        }
        if (outcome != AttemptOutcome.DNC) {
            countTry(claimSlot);
        }
        status = switch (outcome) {
            case DONE -> OutdialTargetStatus.DONE;
            case FAILED -> OutdialTargetStatus.FAILED;
            case DNC -> OutdialTargetStatus.DNC;
            case RETRY -> maxTries != null && Slots.next(destinations, tryCounts, maxTries) < 0
                    ? OutdialTargetStatus.FAILED : OutdialTargetStatus.IDLE;
        };
        nextTryAt = outcome == AttemptOutcome.RETRY ? Objects.requireNonNull(retryAt, "retry time") : nextTryAt;
        tmUpdate = now;
        return true;
    }

    /** The claim comes back undialled: idle from {@code from}. False: released or reported already. */
    boolean release(UUID claim, Instant from, Instant now) {
        if (!holds(claim)) {
            return false;
        }
        status = OutdialTargetStatus.IDLE;
        nextTryAt = from;
        tmUpdate = now;
        return true;
    }

    void renew(UUID claim, Instant until) {
        if (!holds(claim)) {
            throw claimLost(claim);
        }
        nextTryAt = until;
    }

    void delete(Instant now) {
        tmDelete = now;
        tmUpdate = now;
    }

    /**
     * True when {@code claim} is the latest claim and still open; false when it is the latest but already
     * ended (a repeated request); 409 when another claim has taken the target since.
     */
    private boolean holds(UUID claim) {
        if (!claim.equals(claimId)) {
            throw claimLost(claim);
        }
        return status == OutdialTargetStatus.PROGRESSING;
    }

    private ApiException claimLost(UUID claim) {
        return ApiException.conflict("claim_lost", "claim " + claim + " no longer holds target " + id
                + ": its lease lapsed and the target was claimed again");
    }

    private void countTry(int slot) {
        List<Integer> counted = new ArrayList<>(tryCounts);
        counted.set(slot, counted.get(slot) + 1);
        tryCounts = List.copyOf(counted);
    }

    /** A slot keeps its tries when its number stays; a new number starts at 0. */
    private List<Integer> keptTries(List<String> newDestinations) {
        List<Integer> kept = new ArrayList<>(newDestinations.size());
        for (int i = 0; i < newDestinations.size(); i++) {
            kept.add(i < destinations.size() && destinations.get(i).equals(newDestinations.get(i)) ? tryCounts.get(i) : 0);
        }
        return kept;
    }

    private static List<Integer> zeros(int size) {
        return Collections.nCopies(size, 0);
    }

    UUID id() {
        return id;
    }

    int claimSlot() {
        return claimSlot;
    }

    List<String> destinations() {
        return destinations;
    }

    OutdialTarget toTarget(Function<String, Map<String, Object>> dataReader) {
        return TargetRows.target(id, customerId, outdialId, name, detail, dataReader.apply(data), destinations,
                tryCounts, status, timeZone, nextTryAt, tmCreate, tmUpdate);
    }
}
