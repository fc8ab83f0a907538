package net.voipbin.callmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Imports between call-manager's feature packages run one way: the ARI intake ({@code ari}) calls the features,
 * the features call {@code call}, and everything sends its commands through {@code asterisk}, which calls nobody.
 * A cycle means a change in one package reaches back into the one that called it.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/net/voipbin/callmanager");
    private static final Pattern IMPORT = Pattern.compile("^import net\\.voipbin\\.callmanager\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void noPackageDependsOnOneThatDependsOnIt() throws IOException {
        Map<String, Set<String>> graph = graph();

        List<String> cycles = new ArrayList<>();
        for (String from : graph.keySet()) {
            for (String to : graph.get(from)) {
                if (reaches(graph, to, from, new HashSet<>())) {
                    cycles.add(from + " -> " + to);
                }
            }
        }
        assertThat(cycles).as("package imports that are part of a cycle (graph: %s)", graph).isEmpty();
    }

    @Test
    void theAsteriskCommandsAndChannelTableDependOnNoFeature() throws IOException {
        assertThat(graph().get("asterisk")).isEmpty();
        assertThat(graph().entrySet()).filteredOn(e -> !e.getKey().equals("ari"))
                .allSatisfy(e -> assertThat(e.getValue()).as("%s imports the ARI intake", e.getKey()).doesNotContain("ari"));
    }

    private static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> graph = new HashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String from = relative.getName(0).toString();
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        to.add(m.group(1));
                    }
                }
            }
        }
        return graph;
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        return graph.getOrDefault(from, Set.of()).stream().anyMatch(next -> reaches(graph, next, target, seen));
    }
}
