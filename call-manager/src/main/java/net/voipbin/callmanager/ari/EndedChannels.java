package net.voipbin.callmanager.ari;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The channels this instance ended lately. Both StasisEnd and ChannelDestroyed end a channel, the
 * second finding it ended and changing nothing; ended is final, so a channel found here needs no
 * database round trip to learn it. Bounded (oldest forgotten first): a forgotten channel only costs
 * the look-up again. Both events of a channel run on one lane, in order, so the first is always
 * recorded before the second asks.
 */
final class EndedChannels {

    private final Map<String, Boolean> recent;

    EndedChannels(int capacity) {
        this.recent = new LinkedHashMap<>(capacity * 4 / 3 + 1) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void add(String channelId) {
        recent.put(channelId, Boolean.TRUE);
    }

    synchronized boolean contains(String channelId) {
        return recent.containsKey(channelId);
    }
}
