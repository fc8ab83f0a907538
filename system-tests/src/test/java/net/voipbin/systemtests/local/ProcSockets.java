package net.voipbin.systemtests.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The TCP ports a Linux process is connected to, from {@code /proc}: its socket inodes (the targets of
 * {@code /proc/<pid>/fd/*}) looked up in {@code /proc/net/tcp} and {@code tcp6}.
 */
final class ProcSockets {

    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");

    private ProcSockets() {
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** The remote ports of the process's established TCP connections. */
    static Set<Integer> remotePorts(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    Matcher socket = SOCKET.matcher(Files.readSymbolicLink(fd).toString());
                    if (socket.matches()) {
                        inodes.add(socket.group(1));
                    }
                } catch (IOException e) {
                    // closed while we looked
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                String[] fields = line.trim().split("\\s+");
                // 01 = ESTABLISHED; the remote address is "<hex address>:<hex port>"; field 9 is the inode
                if (fields.length > 9 && "01".equals(fields[3]) && inodes.contains(fields[9])) {
                    String remote = fields[2];
                    ports.add(Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
