package net.voipbin.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * What a service reads: the placeholders of its configuration and the fleet defaults, and the
 * relaxed-binding names and defaults of its {@code @ConfigurationProperties} records, read from source.
 */
final class ServiceSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)");
    private static final Pattern CONFIGURATION_PROPERTIES = Pattern.compile(
            "@ConfigurationProperties\\(\\s*(?:(?:value|prefix)\\s*=\\s*)?\"([^\"]+)\"");
    private static final Pattern RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*\\(");

    private ServiceSettings() {
    }

    static String setting(String module, Map<String, String> environment, String variable) throws IOException {
        if (environment.containsKey(variable)) {
            return environment.get(variable);
        }
        Map<String, String> defaults = configurationProperties(module);
        assertThat(defaults).as("settings of %s's configuration records", module).containsKey(variable);
        return defaults.get(variable);
    }

    /** Placeholders and relaxed-binding names of every key in the service's config and the fleet defaults. */
    static Set<String> readableVariables(String module) throws IOException {
        Set<String> readable = new HashSet<>();
        Path defaults = ComposeFile.ROOT.resolve("common-rpc/src/main/resources/voipbin-defaults.properties");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(defaults)) {
            properties.load(in);
        }
        properties.forEach((key, value) -> {
            readable.add(relaxed((String) key));
            placeholders((String) value, readable);
        });
        try (var files = Files.walk(ComposeFile.ROOT.resolve(module).resolve("src/main/resources"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.(yml|yaml|properties)")).toList()) {
                String text = Files.readString(file);
                placeholders(text, readable);
                if (file.toString().endsWith(".properties")) {
                    text.lines().filter(line -> line.contains("=") && !line.startsWith("#"))
                            .forEach(line -> readable.add(relaxed(line.substring(0, line.indexOf('=')).trim())));
                } else {
                    flatten("", new Yaml().load(text), readable);
                }
            }
        }
        readable.addAll(configurationProperties(module).keySet());
        return readable;
    }

    static void placeholders(String text, Set<String> into) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    @SuppressWarnings("unchecked")
    static void flatten(String prefix, Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, into));
        } else if (!prefix.isEmpty()) {
            into.add(relaxed(prefix));
        }
    }

    static String legacy(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    static String relaxed(String key) {
        return key.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Environment name → default ({@code @DefaultValue} string, else empty) of every component of the
     * {@code @ConfigurationProperties} records of the module and of common-rpc, nested records of the
     * same file followed ({@code voipbin.call-manager} + {@code echo.host} → {@code VOIPBIN_CALLMANAGER_ECHO_HOST}).
     */
    static Map<String, String> configurationProperties(String module) throws IOException {
        Map<String, String> result = new TreeMap<>();
        for (Path sources : List.of(ComposeFile.ROOT.resolve(module).resolve("src/main/java"), ComposeFile.ROOT.resolve("common-rpc/src/main/java"))) {
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (var files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    if (!text.contains("@ConfigurationProperties(")) {
                        continue;
                    }
                    text = withoutComments(text);
                    Map<String, List<Component>> records = records(text);
                    Matcher annotation = CONFIGURATION_PROPERTIES.matcher(text);
                    while (annotation.find()) {
                        Matcher record = RECORD.matcher(text);
                        if (record.find(annotation.end())
                                && text.substring(annotation.end(), record.start()).chars().noneMatch(c -> c == '{' || c == ';')) {
                            bind(annotation.group(1), record.group(1), records, result, 0);
                        }
                    }
                }
            }
        }
        return result;
    }

    record Component(String name, String type, String defaultValue) {
    }

    static void bind(String prefix, String record, Map<String, List<Component>> records, Map<String, String> into,
            int depth) {
        assertThat(depth).as("nesting of configuration record %s", record).isLessThan(8);
        for (Component component : records.getOrDefault(record, List.of())) {
            String key = prefix + "." + component.name();
            if (records.containsKey(component.type())) {
                bind(key, component.type(), records, into, depth + 1);
            } else {
                into.put(relaxed(key), component.defaultValue());
                // Spring also binds the legacy form, dashes as underscores (secretKey → SECRET_KEY), which the docs use.
                into.put(legacy(key), component.defaultValue());
            }
        }
    }

    /** Record name → components, for every record declared in the (comment-free) source. */
    static Map<String, List<Component>> records(String text) {
        Map<String, List<Component>> records = new LinkedHashMap<>();
        Matcher record = RECORD.matcher(text);
        while (record.find()) {
            int open = record.end() - 1;
            int close = closing(text, open);
            List<Component> components = new ArrayList<>();
            for (String part : topLevelSplit(text.substring(open + 1, close))) {
                Component component = component(part);
                if (component != null) {
                    components.add(component);
                }
            }
            records.put(record.group(1), components);
        }
        return records;
    }

    /** {@code @A @DefaultValue("x") Type<...> name} → name, simple type, "x". */
    static Component component(String text) {
        String rest = text.trim();
        String defaultValue = "";
        while (rest.startsWith("@")) {
            int i = 1;
            while (i < rest.length() && (Character.isJavaIdentifierPart(rest.charAt(i)) || rest.charAt(i) == '.')) {
                i++;
            }
            String name = rest.substring(1, i);
            int j = i;
            while (j < rest.length() && Character.isWhitespace(rest.charAt(j))) {
                j++;
            }
            if (j < rest.length() && rest.charAt(j) == '(') {
                int close = closing(rest, j);
                Matcher literal = Pattern.compile("^\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$").matcher(rest.substring(j + 1, close));
                if (name.endsWith("DefaultValue") && literal.matches()) {
                    defaultValue = literal.group(1);
                }
                i = close + 1;
            }
            rest = rest.substring(i).trim();
        }
        Matcher declaration = Pattern.compile("^(.*?)\\s*\\b(\\w+)\\s*$", Pattern.DOTALL).matcher(rest);
        if (rest.isEmpty() || !declaration.matches()) {
            return null;
        }
        String type = declaration.group(1).replaceAll("<.*>", "").replace("[]", "").replace("...", "").trim();
        type = type.substring(type.lastIndexOf('.') + 1);
        return new Component(declaration.group(2), type, defaultValue);
    }

    /** Index of the bracket closing the one at {@code open}, string literals skipped. */
    static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(text, i);
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new AssertionError("unbalanced brackets from " + text.substring(open, Math.min(text.length(), open + 80)));
    }

    static List<String> topLevelSplit(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(text, i);
            } else if (c == '(' || c == '{' || c == '[' || c == '<') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']' || c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Index of the quote ending the string/char literal (or text block) starting at {@code start}. */
    static int endOfLiteral(String text, int start) {
        char quote = text.charAt(start);
        if (quote == '"' && text.startsWith("\"\"\"", start)) {
            int end = text.indexOf("\"\"\"", start + 3);
            return end < 0 ? text.length() - 1 : end + 2;
        }
        for (int i = start + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == quote) {
                return i;
            }
        }
        return text.length() - 1;
    }

    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(text, i);
                out.append(text, i, end + 1);
                i = end;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = (end < 0 ? text.length() : end) - 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = (end < 0 ? text.length() : end + 2) - 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---- Asterisk configuration files

    /** A section of an Asterisk config file: its key/value lines in order, templates it names first. */
    record Section(String name, List<Map.Entry<String, String>> lines) {

        /** The last value of the key (a later line overrides a template's). */
        String get(String key) {
            String value = null;
            for (Map.Entry<String, String> line : lines) {
                if (line.getKey().equals(key)) {
                    value = line.getValue();
                }
            }
            return value;
        }
    }

    /** The sections of an Asterisk config file; {@code [name](!)} templates are applied, not listed. */
    static List<Section> asteriskConfig(String repositoryPath) throws IOException {
        List<Section> sections = new ArrayList<>();
        Map<String, List<Map.Entry<String, String>>> templates = new LinkedHashMap<>();
        List<Map.Entry<String, String>> current = null;
        for (String raw : Files.readAllLines(ComposeFile.ROOT.resolve(repositoryPath))) {
            String line = raw.replaceAll("(?<!\\\\);.*$", "").trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                assertThat(close).as("section header in %s: %s", repositoryPath, raw).isPositive();
                String name = line.substring(1, close).trim();
                current = new ArrayList<>();
                boolean template = false;
                String options = line.substring(close + 1).trim();
                if (options.startsWith("(") && options.endsWith(")")) {
                    for (String option : options.substring(1, options.length() - 1).split(",")) {
                        option = option.trim();
                        if (option.equals("!")) {
                            template = true;
                        } else if (!option.isEmpty()) {
                            assertThat(templates).as("templates defined before [%s] in %s", name, repositoryPath)
                                    .containsKey(option);
                            current.addAll(templates.get(option));
                        }
                    }
                }
                if (template) {
                    templates.put(name, current);
                } else {
                    sections.add(new Section(name, current));
                }
                continue;
            }
            int equals = line.indexOf('=');
            assertThat(current).as("line outside any section in %s: %s", repositoryPath, raw).isNotNull();
            assertThat(equals).as("key = value line in %s: %s", repositoryPath, raw).isPositive();
            String key = line.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(equals + 1);
            current.add(Map.entry(key, (value.startsWith(">") ? value.substring(1) : value).trim()));
        }
        return sections;
    }

    static List<Section> sections(List<Section> sections, String type) {
        return sections.stream().filter(s -> type.equals(s.get("type"))).toList();
    }

    /** The section named so (of that type, if given); fails naming the file when there is none. */
    static Section section(List<Section> sections, String name, String type, String file) {
        return sections.stream().filter(s -> s.name().equals(name) && (type == null || type.equals(s.get("type"))))
                .findFirst().orElseThrow(() -> new AssertionError(
                        file + " has no section [" + name + "]" + (type == null ? "" : " of type " + type)));
    }

    /**
     * Extension pattern → the applications of its steps, from {@code exten => pattern,priority,App(...)}
     * and the {@code same => priority,App(...)} lines after it.
     */
    static Map<String, List<String>> extensions(Section context) {
        Map<String, List<String>> extensions = new LinkedHashMap<>();
        String extension = null;
        for (Map.Entry<String, String> line : context.lines()) {
            List<String> fields = List.of(line.getValue().split(",", -1));
            if (line.getKey().equals("exten")) {
                assertThat(fields.size()).as("fields of exten => %s in [%s]", line.getValue(), context.name())
                        .isGreaterThanOrEqualTo(3);
                extension = fields.get(0).trim();
                extensions.computeIfAbsent(extension, e -> new ArrayList<>())
                        .add(String.join(",", fields.subList(2, fields.size())).trim());
            } else if (line.getKey().equals("same")) {
                assertThat(extension).as("extension before same => %s in [%s]", line.getValue(), context.name()).isNotNull();
                assertThat(fields.size()).as("fields of same => %s in [%s]", line.getValue(), context.name())
                        .isGreaterThanOrEqualTo(2);
                extensions.get(extension).add(String.join(",", fields.subList(1, fields.size())).trim());
            }
        }
        return extensions;
    }

    static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
