package net.voipbin.pipecatmanager.audiosocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;

/** The AudioSocket pipeline on EmbeddedChannel: golden bytes in, what the session hears out. */
class AudioSocketCodecTest {

    private static final UUID ID = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    private static final String HANDSHAKE = "010010" + "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private final RecordingSessions sessions = new RecordingSessions();
    private final List<ByteBuf> written = new ArrayList<>();

    @BeforeAll
    static void paranoidLeakDetection() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @AfterEach
    void everyInboundBufferWasReleased() {
        for (ByteBuf buf : written) {
            assertThat(buf.refCnt()).as("inbound buffer released").isZero();
        }
    }

    private EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        AudioSocketInitializer.configure(channel.pipeline(), sessions, 1024);
        return channel;
    }

    private void write(EmbeddedChannel channel, String hex) {
        ByteBuf buf = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
        written.add(buf);
        channel.writeInbound(buf);
    }

    @Test
    void theUuidHandshakeAttachesTheConnectionToItsSession() {
        EmbeddedChannel channel = channel();
        write(channel, HANDSHAKE);
        assertThat(sessions.attached).containsExactly(ID);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void aHangupFrameEndsTheSessionAndClosesTheSocket() {
        EmbeddedChannel channel = channel();
        write(channel, HANDSHAKE + "000000");
        assertThat(channel.isOpen()).isFalse();
        assertThat(sessions.leg.events).containsExactly("closed:hangup");
    }

    @Test
    void asteriskClosingTheSocketWithoutHangupEndsTheSessionCleanly() {
        EmbeddedChannel channel = channel();
        write(channel, HANDSHAKE);
        channel.close();
        assertThat(sessions.leg.events).containsExactly("closed:socket closed");
    }

    @Test
    void dtmfIsOneAsciiKey() {
        EmbeddedChannel channel = channel();
        write(channel, HANDSHAKE + "03000135" + "03000123");
        assertThat(sessions.leg.events).containsExactly("dtmf:5", "dtmf:#");
    }

    @Test
    void everyAudioKindReachesTheSessionWithItsPayload() {
        EmbeddedChannel channel = channel();
        write(channel, HANDSHAKE);
        for (AudioSocketKind kind : AudioSocketKind.values()) {
            if (kind.isAudio()) {
                write(channel, String.format("%02x0004", kind.code()) + "01020304");
            }
        }
        assertThat(sessions.leg.events).containsExactly("audio:SLIN_8K:01020304", "audio:SLIN_12K:01020304",
                "audio:SLIN_16K:01020304", "audio:SLIN_24K:01020304", "audio:SLIN_32K:01020304",
                "audio:SLIN_44K:01020304", "audio:SLIN_48K:01020304", "audio:SLIN_96K:01020304",
                "audio:SLIN_192K:01020304");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void framesSplitAcrossTcpReadsByteByByteDecodeTheSame() {
        EmbeddedChannel channel = channel();
        String stream = HANDSHAKE + "100004aabbccdd" + "030001" + "39" + "000000";
        for (int i = 0; i < stream.length(); i += 2) {
            write(channel, stream.substring(i, i + 2));
        }
        assertThat(sessions.attached).containsExactly(ID);
        assertThat(sessions.leg.events).containsExactly("audio:SLIN_8K:aabbccdd", "dtmf:9", "closed:hangup");
    }

    @Test
    void anOversizedFrameClosesTheSession() {
        EmbeddedChannel channel = channel();
        write(channel, HANDSHAKE + "10ffff");
        assertThat(channel.isOpen()).isFalse();
        assertThat(sessions.leg.events).singleElement().asString().startsWith("closed:protocol error");
    }

    @Test
    void garbageClosesTheSession() {
        EmbeddedChannel unknownKind = channel();
        write(unknownKind, HANDSHAKE + "42000100");
        assertThat(unknownKind.isOpen()).isFalse();
        EmbeddedChannel audioBeforeUuid = channel();
        write(audioBeforeUuid, "1000020102");
        assertThat(audioBeforeUuid.isOpen()).isFalse();
        EmbeddedChannel shortUuid = channel();
        write(shortUuid, "0100020102");
        assertThat(shortUuid.isOpen()).isFalse();
        EmbeddedChannel badDtmf = channel();
        write(badDtmf, HANDSHAKE + "03000141" .replace("41", "5a"));
        assertThat(badDtmf.isOpen()).isFalse();
    }

    @Test
    void anUnknownUuidIsRefused() {
        EmbeddedChannel channel = channel();
        sessions.known = false;
        write(channel, HANDSHAKE);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aBadSessionNeverDisturbsAnother() {
        EmbeddedChannel good = channel();
        write(good, HANDSHAKE);
        RecordingLeg goodLeg = sessions.leg;
        EmbeddedChannel bad = channel();
        write(bad, HANDSHAKE + "77ffff");
        write(good, "1000020102");
        assertThat(bad.isOpen()).isFalse();
        assertThat(good.isOpen()).isTrue();
        assertThat(goodLeg.events).containsExactly("audio:SLIN_8K:0102");
    }

    @Test
    void controlFramesEncodeToGoldenBytes() {
        EmbeddedChannel channel = channel();
        channel.writeOutbound(AudioSocketFrame.HANGUP, new AudioSocketFrame.Dtmf('7'), new AudioSocketFrame.Uuid(ID));
        assertThat(hex(channel.readOutbound())).isEqualTo("000000");
        assertThat(hex(channel.readOutbound())).isEqualTo("03000137");
        assertThat(hex(channel.readOutbound())).isEqualTo(HANDSHAKE);
        ByteBuf audio = AudioSocketEncoder.writeAudioHeader(Unpooled.buffer(), AudioSocketKind.SLIN_16K, 640);
        assertThat(hex(audio)).isEqualTo("120280");
    }

    private static String hex(ByteBuf buf) {
        try {
            return ByteBufUtil.hexDump(buf);
        } finally {
            buf.release();
        }
    }

    static final class RecordingSessions implements AudioSocketSessions {
        final List<UUID> attached = new ArrayList<>();
        boolean known = true;
        RecordingLeg leg;

        @Override
        public Optional<CallerLeg> attach(UUID id, Channel channel) {
            attached.add(id);
            leg = new RecordingLeg();
            return known ? Optional.of(leg) : Optional.empty();
        }
    }

    static final class RecordingLeg implements CallerLeg {
        final List<String> events = new ArrayList<>();

        @Override
        public void audio(ByteBuf frame) {
            int length = AudioSocketDecoder.payloadLength(frame);
            events.add("audio:" + AudioSocketDecoder.kindOf(frame) + ":"
                    + ByteBufUtil.hexDump(frame, frame.readerIndex() + AudioSocketDecoder.HEADER, length));
        }

        @Override
        public void dtmf(char digit) {
            events.add("dtmf:" + digit);
        }

        @Override
        public void closed(String reason) {
            events.add("closed:" + reason);
        }
    }
}
