package net.voipbin.outdialmanager.outdialtarget;

import java.util.List;

/** Which destination slot a target's next attempt dials: the first, in order, with tries to spare. */
final class Slots {

    private Slots() {
    }

    /** The slot index, or -1 when every slot has used the tries {@code maxTries} allows it. */
    static int next(List<String> destinations, List<Integer> tryCounts, List<Integer> maxTries) {
        for (int slot = 0; slot < destinations.size() && slot < maxTries.size(); slot++) {
            if (tryCounts.get(slot) < maxTries.get(slot)) {
                return slot;
            }
        }
        return -1;
    }
}
