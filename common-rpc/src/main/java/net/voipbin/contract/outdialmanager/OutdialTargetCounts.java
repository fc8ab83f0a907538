package net.voipbin.contract.outdialmanager;

import java.util.UUID;

/** How many of an outdial's (not deleted) targets are in each status. */
public record OutdialTargetCounts(UUID outdialId, long idle, long progressing, long done, long failed, long dnc,
        long total) {
}
