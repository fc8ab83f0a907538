package net.voipbin.rpc.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A route's path: literal segments and {@code {name}} variables, matched by Spring's {@link PathPattern}
 * (the matcher of Spring MVC's own routes). Variables come back percent-decoded ({@code %23} is {@code #};
 * a {@code +} stays a plus, as in an E.164 number). One trailing slash is ignored.
 */
final class UriTemplate {

    private static final PathPatternParser PARSER = new PathPatternParser();

    private final PathPattern pattern;

    UriTemplate(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a route template starts with '/': " + template);
        }
        this.pattern = PARSER.parse(template);
    }

    Optional<Map<String, String>> match(String path) {
        return match(parse(path));
    }

    /** Matches a path parsed once by {@link #parse} for every route tried. */
    Optional<Map<String, String>> match(PathContainer path) {
        PathPattern.PathMatchInfo info = pattern.matchAndExtract(path);
        return info == null ? Optional.empty() : Optional.of(info.getUriVariables());
    }

    static PathContainer parse(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return PathContainer.parsePath(trimmed);
    }

    @Override
    public String toString() {
        return pattern.getPatternString();
    }

    /** A query parameter's name or value, form-decoded. */
    static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
