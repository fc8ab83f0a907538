package net.voipbin.asterisksim;

import java.util.List;

/**
 * How a channel ends, in Asterisk's event order: {@code ChannelHangupRequest}, the RTP quality
 * variables of a PJSIP channel that had media, media on it ended, {@code ChannelLeftBridge},
 * {@code StasisEnd} (if in the app), {@code ChannelDestroyed} with the hangup cause.
 */
final class Hangups {

    /** The RTCP summary Asterisk sets on a PJSIP channel as its RTP session closes. */
    private static final List<String[]> RTP_QOS = List.of(
            new String[] {"RTPAUDIOQOS", "ssrc=1504119610;themssrc=0;lp=0;rxjitter=0.000000;rxcount=0;"
                    + "txjitter=0.000000;txcount=250;rlp=0;rtt=0.000000;rxmes=0.000000;txmes=87.231481"},
            new String[] {"RTPAUDIOQOSJITTER", "minrxjitter=000.000000;maxrxjitter=000.000000;avgrxjitter=000.000000;"
                    + "stdevrxjitter=000.000000;mintxjitter=000.000000;maxtxjitter=000.000000;avgtxjitter=000.000000;"
                    + "stdevtxjitter=000.000000;"},
            new String[] {"RTPAUDIOQOSLOSS", "  minrxlost=000.000000;  maxrxlost=000.000000;  avgrxlost=000.000000;"
                    + "  stdevrxlost=000.000000;  mintxlost=000.000000;  maxtxlost=000.000000;  avgtxlost=000.000000;"
                    + "  stdevtxlost=000.000000;"},
            new String[] {"RTPAUDIOQOSRTT", "     minrtt=000.000000;     maxrtt=000.000000;     avgrtt=000.000000;"
                    + "     stdevrtt=000.000000;"},
            new String[] {"RTPAUDIOQOSMES", "   minrxmes=087.231481;   maxrxmes=087.231481;   avgrxmes=087.231481;"
                    + "   stdevrxmes=000.000000;   mintxmes=000.000000;   maxtxmes=000.000000;   avgtxmes=000.000000;"
                    + "   stdevtxmes=000.000000;"});

    private final World world;
    private final MediaOps media;
    private final BridgeOps bridges;
    private final AudioSocketMedia audioSockets;

    Hangups(World world, MediaOps media, BridgeOps bridges, AudioSocketMedia audioSockets) {
        this.world = world;
        this.media = media;
        this.bridges = bridges;
        this.audioSockets = audioSockets;
    }

    /** The far end hung up (the caller, or a redirect's 302): cause 16 and no soft flag. */
    void remote(SimChannel channel, int cause) {
        rtpQos(channel);
        world.emit(world.events.hangupRequest(channel, cause, false));
        teardown(channel, cause);
    }

    /** {@code DELETE /channels/{id}}: a soft hangup, whose event carries the soft-hangup flag 32 as cause. */
    void byApplication(SimChannel channel, int cause) {
        world.emit(world.events.hangupRequest(channel, 32, true));
        rtpQos(channel);
        teardown(channel, cause);
    }

    /** The dialplan's Hangup() ran on a channel: soft, with the channel's cause. */
    void byDialplan(SimChannel channel, int cause) {
        world.emit(world.events.hangupRequest(channel, cause, true));
        teardown(channel, cause);
    }

    /** An originated channel that never answered: the request carries the failure's cause. */
    void unanswered(SimChannel channel, int cause) {
        world.emit(world.events.hangupRequest(channel, cause, false));
        teardown(channel, cause);
    }

    private void rtpQos(SimChannel channel) {
        if (channel.isPjsip() && "Up".equals(channel.state)) {
            RTP_QOS.forEach(pair -> world.emit(world.events.varset(channel, pair[0], pair[1])));
        }
    }

    private void teardown(SimChannel channel, int cause) {
        if (channel.pending != null) {
            channel.pending.cancel(false);
        }
        media.endAllFor("channel:" + channel.id);
        bridges.leave(channel);
        if (channel.inStasis) {
            channel.inStasis = false;
            world.emit(world.events.channel("StasisEnd", channel));
        }
        world.channels.remove(channel.id);
        audioSockets.ended(channel);
        world.emit(world.events.destroyed(channel, cause));
    }
}
