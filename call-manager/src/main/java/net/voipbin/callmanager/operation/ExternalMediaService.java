package net.voipbin.callmanager.operation;

import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import net.voipbin.callmanager.asterisk.AriCommands;
import net.voipbin.callmanager.asterisk.ChannelIds;
import net.voipbin.callmanager.asterisk.ChannelRepository;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.call.CallService;
import net.voipbin.callmanager.config.CallManagerProperties;
import net.voipbin.contract.callmanager.ExternalMedia;
import net.voipbin.contract.callmanager.ExternalMediaCreate;
import net.voipbin.rpc.error.ApiException;

/**
 * {@code external-media}: an ARI externalMedia channel (AudioSocket or RTP) bridged with the call, so
 * an AI session hears and speaks on it. The media channel is recorded before it exists, so its
 * StasisStart is not mistaken for an inbound call.
 */
@Service
public class ExternalMediaService {

    /** Formats Asterisk can transcode the call's audio to on an external media channel. */
    private static final Set<String> FORMATS = Set.of("slin", "slin16", "slin24", "slin48", "ulaw", "alaw", "g722");

    private final CallService calls;
    private final AriCommands ari;
    private final ChannelRepository channels;
    private final CallManagerProperties properties;
    private final CallBridges bridges;

    ExternalMediaService(CallService calls, AriCommands ari, ChannelRepository channels,
            CallManagerProperties properties, CallBridges bridges) {
        this.bridges = bridges;
        this.calls = calls;
        this.ari = ari;
        this.channels = channels;
        this.properties = properties;
    }

    public ExternalMedia attach(UUID callId, ExternalMediaCreate request) {
        String format = checkedFormat(request);
        return attach(calls.live(callId), request, format);
    }

    /** For a live call the caller has already read. */
    public ExternalMedia attach(CallRow call, ExternalMediaCreate request) {
        return attach(call, request, checkedFormat(request));
    }

    private static String checkedFormat(ExternalMediaCreate request) {
        if (request.externalHost() == null || request.externalHost().isBlank()) {
            throw ApiException.invalidField("external_host", "is required (host:port)");
        }
        String format = request.format() == null ? "slin" : request.format();
        if (!FORMATS.contains(format)) {
            throw ApiException.invalidField("format", "not a format this Asterisk can stream: " + format);
        }
        return format;
    }

    private ExternalMedia attach(CallRow call, ExternalMediaCreate request, String format) {
        String channelId = ChannelIds.mint();
        channels.upsert(channelId, call.asteriskId(), "", "", ChannelRepository.KIND_MEDIA, call.id());
        ari.send(call.asteriskId(), "POST", "/channels/externalMedia", AriCommands.query("app", properties.app(),
                "channelId", channelId, "external_host", request.externalHost(), "format", format,
                "encapsulation", orDefault(request.encapsulation(), "audiosocket"),
                "transport", orDefault(request.transport(), "tcp"), "connection_type", "client",
                "direction", orDefault(request.direction(), "both"), "data", request.data()));
        ari.addToBridge(call.asteriskId(), bridges.bridgeOf(call), channelId);
        return new ExternalMedia(call.id(), channelId, request.externalHost(), format);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
