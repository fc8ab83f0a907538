package net.voipbin.callmanager.operation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import net.voipbin.rpc.error.ApiException;

/**
 * Speech from the local espeak-ng binary. Its WAV (16-bit mono at 22.05 kHz) is resampled to Asterisk's
 * native 8 kHz signed linear and written as {@code <dir>/<sha256>.sln}; the media is
 * {@code sound:<dir>/<sha256>} (Asterisk picks the format by extension). Same text, same file: cached.
 * {@code dir} must be readable by Asterisk at the same path (shared volume in docker-compose).
 */
final class EspeakTextToSpeech implements TextToSpeech {

    private final String command;
    private final Path dir;

    EspeakTextToSpeech(String command, Path dir) {
        this.command = command;
        this.dir = dir;
    }

    /** Whether {@code command} runs here. */
    static boolean available(String command) {
        try {
            Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String media(String text, String language) {
        String voice = language == null || language.isBlank() ? "en" : language;
        String name = sha256(voice + "\n" + text);
        Path sln = dir.resolve(name + ".sln");
        try {
            if (!Files.exists(sln)) {
                Files.createDirectories(dir);
                byte[] wav = synthesize(voice, text);
                Path tmp = Files.createTempFile(dir, name, ".tmp");
                Files.write(tmp, Wav.toSlin8k(wav));
                readableByAll(tmp);
                Files.move(tmp, sln, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new ApiException(500, "tts_failed", "espeak-ng could not speak: " + e.getMessage());
        }
        return "sound:" + dir.resolve(name);
    }

    /**
     * A temporary file is created 0600; Asterisk usually runs as another user (asterisk) and must read
     * it: 0644, where the file system has POSIX permissions.
     */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private byte[] synthesize(String voice, String text) throws IOException {
        Process process = new ProcessBuilder(command, "-v", voice, "--stdout", text).start();
        byte[] wav = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("espeak-ng failed: " + new String(process.getErrorStream().readAllBytes(),
                        StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return wav;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Minimal PCM WAV reading and linear-interpolation resampling to 8 kHz. */
    static final class Wav {

        private Wav() {
        }

        static byte[] toSlin8k(byte[] wav) throws IOException {
            ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
            int rate = 0;
            int pos = 12;
            while (pos + 8 <= wav.length) {
                String id = new String(wav, pos, 4, StandardCharsets.US_ASCII);
                int size = in.getInt(pos + 4);
                if (id.equals("fmt ")) {
                    rate = in.getInt(pos + 12);
                } else if (id.equals("data")) {
                    // espeak-ng writes 0x7fffffff as the data size when streaming to stdout.
                    int length = Math.min(size < 0 ? Integer.MAX_VALUE : size, wav.length - pos - 8);
                    return resample(in, pos + 8, length / 2, rate);
                }
                pos += 8 + size;
            }
            throw new IOException("not a PCM WAV");
        }

        static byte[] resample(ByteBuffer in, int offset, int samples, int rate) {
            int outSamples = (int) ((long) samples * 8000 / Math.max(1, rate));
            ByteBuffer out = ByteBuffer.allocate(outSamples * 2).order(ByteOrder.LITTLE_ENDIAN);
            double step = rate / 8000.0;
            for (int i = 0; i < outSamples; i++) {
                double x = i * step;
                int j = (int) x;
                double frac = x - j;
                short a = in.getShort(offset + 2 * Math.min(j, samples - 1));
                short b = in.getShort(offset + 2 * Math.min(j + 1, samples - 1));
                out.putShort((short) Math.round(a + (b - a) * frac));
            }
            return out.array();
        }
    }
}
