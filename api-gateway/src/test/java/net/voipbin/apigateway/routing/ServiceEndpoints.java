package net.voipbin.apigateway.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every public REST endpoint the fleet's services serve, read from their controllers' source: a class's
 * {@code @RequestMapping} prefix joined with each handler's mapping. Read from the code, not copied by
 * hand, so that a new controller in any service shows up here (and fails the route tests until the
 * gateway routes it).
 */
record ServiceEndpoints(List<Endpoint> endpoints) {

    /** One handler: its service module, HTTP method and full path ({@code /v1.0/calls/{id}/hangup}). */
    record Endpoint(String service, String method, String path) {

        /** The path with every {@code {variable}} filled, as a caller would send it. */
        String concretePath() {
            return path.replaceAll("\\{[^}]+}", "0b6a4c2e-7e4f-4d39-9a0b-3f1d2c4e5a6b");
        }
    }

    private static final Pattern MAPPING = Pattern.compile(
            "@(Request|Get|Post|Put|Delete|Patch)Mapping(\\(([^)]*)\\))?");
    private static final Pattern PATH = Pattern.compile("^\\s*(?:(?:path|value)\\s*=\\s*)?\"([^\"]*)\"");
    private static final Pattern CLASS = Pattern.compile("\\bclass\\s+\\w+");

    static ServiceEndpoints read() {
        Path root = root();
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(ServiceEndpoints::isServiceModule).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path file : files.filter(f -> f.toString().endsWith("Controller.java")).toList()) {
                        endpoints.addAll(endpoints(module.getFileName().toString(), Files.readString(file)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceEndpoints(List.copyOf(endpoints));
    }

    private static boolean isServiceModule(Path module) {
        String name = module.getFileName().toString();
        return name.endsWith("-manager") && Files.isDirectory(module.resolve("src/main/java"));
    }

    static List<Endpoint> endpoints(String service, String source) {
        Matcher classDeclaration = CLASS.matcher(source);
        if (!classDeclaration.find()) {
            return List.of();
        }
        String prefix = "";
        List<Endpoint> endpoints = new ArrayList<>();
        Matcher mapping = MAPPING.matcher(source);
        while (mapping.find()) {
            String arguments = mapping.group(3) == null ? "" : mapping.group(3);
            Matcher literal = PATH.matcher(arguments);
            String path = literal.find() ? literal.group(1) : "";
            if (mapping.start() < classDeclaration.start()) {
                prefix = path;
            } else if (!mapping.group(1).equals("Request")) {
                endpoints.add(new Endpoint(service, mapping.group(1).toUpperCase(), prefix + path));
            }
        }
        return endpoints.stream().filter(endpoint -> endpoint.path().startsWith("/v1.0/")).toList();
    }

    /** The reactor's root: the tests run in the module's folder. */
    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate = here; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("common-rpc")) && Files.exists(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no reactor root above " + here);
    }
}
