package net.voipbin.callmanager.asterisk;

import java.util.UUID;

/**
 * Ids of the channels call-manager creates (originate, external media) are UUIDs, minted here or taken
 * from the call's id. Asterisk's own ids are {@code [system-]epoch.sequence}, never UUID-shaped, so the
 * id alone tells an inbound channel from one of ours.
 */
public final class ChannelIds {

    private static final int UUID_LENGTH = 36;

    private ChannelIds() {
    }

    public static String mint() {
        return UUID.randomUUID().toString();
    }

    /** Whether {@code id} has the shape of an id of ours (a UUID's canonical text). */
    public static boolean minted(String id) {
        if (id == null || id.length() != UUID_LENGTH) {
            return false;
        }
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = id.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
