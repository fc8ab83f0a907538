package net.voipbin.local.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import net.voipbin.local.home.LocalModeException;
import net.voipbin.local.home.LocalSettings;

/**
 * {@code ./voipbin logs SERVICE [-f]}: one part's log ({@code fleet}: all of them interleaved), printed
 * whole, or followed with {@code -f} until interrupted.
 */
public final class LogsCommand {

    private final LocalSettings settings;

    public LogsCommand(LocalSettings settings) {
        this.settings = settings;
    }

    public int run(List<String> args) throws InterruptedException {
        List<String> names = args.stream().filter(a -> !a.startsWith("-")).toList();
        boolean follow = args.contains("-f") || args.contains("--follow");
        if (names.size() != 1) {
            throw new LocalModeException("usage: ./voipbin logs SERVICE [-f]; logs: " + String.join(", ", available()));
        }
        Path log = settings.home().log(names.getFirst());
        if (!Files.exists(log)) {
            throw new LocalModeException("no log named '" + names.getFirst() + "' in " + settings.home().logs()
                    + "; logs: " + String.join(", ", available()));
        }
        print(log, follow);
        return 0;
    }

    private List<String> available() {
        try (Stream<Path> files = Files.list(settings.home().logs())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".log"))
                    .map(n -> n.substring(0, n.length() - ".log".length())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void print(Path log, boolean follow) throws InterruptedException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] buffer = new byte[64 * 1024];
            while (true) {
                int read = file.read(buffer);
                if (read > 0) {
                    System.out.write(buffer, 0, read);
                    continue;
                }
                System.out.flush();
                if (!follow) {
                    return;
                }
                Thread.sleep(250);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

}
