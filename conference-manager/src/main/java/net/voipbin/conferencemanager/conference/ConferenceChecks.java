package net.voipbin.conferencemanager.conference;

import net.voipbin.rpc.error.ApiException;

/** Field rules of a conference, with the REST error naming the field. */
final class ConferenceChecks {

    /** A week: a conference that should outlive it needs no deadline at all (timeout 0). */
    static final int MAX_TIMEOUT = 7 * 24 * 3600;
    static final int MAX_PARTICIPANTS = 1000;

    private ConferenceChecks() {
    }

    static String name(String name) {
        if (name != null && name.length() > 255) {
            throw ApiException.invalidField("name", "at most 255 characters");
        }
        return name == null ? "" : name;
    }

    static String detail(String detail) {
        if (detail != null && detail.length() > 2000) {
            throw ApiException.invalidField("detail", "at most 2000 characters");
        }
        return detail == null ? "" : detail;
    }

    /** Seconds, honoured exactly (no rounding up to a minimum): 0 = none, else 1 .. a week. */
    static int timeout(Integer timeout) {
        if (timeout != null && (timeout < 0 || timeout > MAX_TIMEOUT)) {
            throw ApiException.invalidField("timeout", "seconds between 0 (none) and " + MAX_TIMEOUT);
        }
        return timeout == null ? 0 : timeout;
    }

    static int maxParticipants(Integer max, boolean connect) {
        if (max != null && (max < 0 || max > MAX_PARTICIPANTS)) {
            throw ApiException.invalidField("max_participants", "between 0 (no limit) and " + MAX_PARTICIPANTS);
        }
        if (connect) {
            if (max != null && max != 0 && max != 2) {
                throw ApiException.invalidField("max_participants", "a connect conference has 2 participants");
            }
            return 2;
        }
        return max == null ? 0 : max;
    }
}
