package net.voipbin.callmanager.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The echo server as Asterisk's AudioSocket client meets it, over a real loopback socket. */
class AudioSocketEchoTest {

    private final AudioSocketEcho echo = new AudioSocketEcho("127.0.0.1", 0, "");

    @BeforeEach
    void start() {
        echo.start();
    }

    @AfterEach
    void stop() {
        echo.stop();
    }

    @Test
    void audioFramesComeBackUnchangedAndInOrderWhileTheIdentifierIsNot() throws IOException {
        byte[] first = samples(320, 1);
        byte[] second = samples(640, 7);
        try (Socket asterisk = connect()) {
            OutputStream out = asterisk.getOutputStream();
            out.write(frame(AudioSocketEcho.IDENTIFIER, new byte[16]));
            out.write(frame(AudioSocketEcho.AUDIO, first));
            out.write(frame(0x42, new byte[3]));
            out.write(frame(AudioSocketEcho.AUDIO, second));
            out.flush();

            DataInputStream in = new DataInputStream(asterisk.getInputStream());
            assertThat(in.readNBytes(3 + first.length)).isEqualTo(frame(AudioSocketEcho.AUDIO, first));
            assertThat(in.readNBytes(3 + second.length)).isEqualTo(frame(AudioSocketEcho.AUDIO, second));

            out.write(frame(AudioSocketEcho.HANGUP, new byte[0]));
            out.flush();
            assertThat(in.read()).as("the server closes the connection on hangup").isEqualTo(-1);
        }
    }

    @Test
    void aFrameCutShortClosesThatConnectionAndTheServerGoesOn() throws IOException {
        try (Socket broken = connect()) {
            OutputStream out = broken.getOutputStream();
            out.write(new byte[] {AudioSocketEcho.AUDIO, 0x01, 0x00, 1, 2, 3});
            broken.shutdownOutput();
            assertThat(broken.getInputStream().read()).isEqualTo(-1);
        }
        byte[] audio = samples(160, 3);
        try (Socket next = connect()) {
            next.getOutputStream().write(frame(AudioSocketEcho.AUDIO, audio));
            InputStream in = next.getInputStream();
            assertThat(in.readNBytes(3 + audio.length)).isEqualTo(frame(AudioSocketEcho.AUDIO, audio));
        }
    }

    @Test
    void itAdvertisesTheAddressItListensOn() throws IOException {
        String[] address = echo.address().split(":");
        assertThat(address[0]).isEqualTo("127.0.0.1");
        try (Socket socket = new Socket(address[0], Integer.parseInt(address[1]))) {
            assertThat(socket.isConnected()).isTrue();
        }
    }

    private Socket connect() throws IOException {
        String[] address = echo.address().split(":");
        Socket socket = new Socket(address[0], Integer.parseInt(address[1]));
        socket.setSoTimeout(5_000);
        return socket;
    }

    static byte[] frame(int type, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(type);
        frame.write(payload.length >>> 8);
        frame.write(payload.length & 0xff);
        frame.writeBytes(payload);
        return frame.toByteArray();
    }

    private static byte[] samples(int length, int seed) {
        byte[] audio = new byte[length];
        for (int i = 0; i < length; i++) {
            audio[i] = (byte) (i * seed);
        }
        return audio;
    }
}
