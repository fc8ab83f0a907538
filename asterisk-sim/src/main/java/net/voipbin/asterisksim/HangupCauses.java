package net.voipbin.asterisksim;

import java.util.Map;
import java.util.Optional;

/** Q.850 causes as Asterisk names them, and ARI's hangup {@code reason} words. */
final class HangupCauses {

    private static final Map<Integer, String> TEXT = Map.ofEntries(
            Map.entry(0, "Unknown"),
            Map.entry(1, "Unallocated (unassigned) number"),
            Map.entry(16, "Normal Clearing"),
            Map.entry(17, "User busy"),
            Map.entry(18, "No user responding"),
            Map.entry(19, "User alerting, no answer"),
            Map.entry(21, "Call Rejected"),
            Map.entry(26, "Answered elsewhere"),
            Map.entry(28, "Invalid number format"),
            Map.entry(31, "Normal, unspecified"),
            Map.entry(34, "Circuit/channel congestion"),
            Map.entry(38, "Network out of order"),
            Map.entry(58, "Bearer capability not available"),
            Map.entry(127, "Interworking, unspecified"));

    private static final Map<String, Integer> REASONS = Map.ofEntries(
            Map.entry("normal", 16),
            Map.entry("busy", 17),
            Map.entry("congestion", 34),
            Map.entry("no_answer", 19),
            Map.entry("timeout", 18),
            Map.entry("rejected", 21),
            Map.entry("unallocated", 1),
            Map.entry("normal_unspecified", 31),
            Map.entry("number_incomplete", 28),
            Map.entry("codec_mismatch", 58),
            Map.entry("interworking", 127),
            Map.entry("failure", 38),
            Map.entry("answered_elsewhere", 26));

    private HangupCauses() {
    }

    static String text(int cause) {
        return TEXT.getOrDefault(cause, "Unknown");
    }

    static Optional<Integer> forReason(String reason) {
        return Optional.ofNullable(REASONS.get(reason));
    }
}
