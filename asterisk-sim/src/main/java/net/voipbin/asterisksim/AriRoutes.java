package net.voipbin.asterisksim;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARI REST surface the platform uses, as a route table (method + path template → operation).
 * Unknown paths are 404 and known paths with another method 405, with Asterisk's bodies.
 */
final class AriRoutes {

    private interface Handler {
        AriResponse handle(AriRequest request, List<String> vars);
    }

    private record Route(String method, Pattern pattern, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    AriRoutes(World world, ChannelOps channels, OriginateOps originates, BridgeOps bridges, MediaOps media) {
        get("/asterisk/info", (r, v) -> AriResponse.ok(info(world)));
        get("/applications/{name}", (r, v) -> AriResponse.ok(world.hub.application(v.get(0))));
        put("/applications/{name}/eventFilter", (r, v) -> AriResponse.ok(world.hub.filter(v.get(0), r.body())));
        get("/channels", (r, v) -> AriResponse.ok(channels.list()));
        post("/channels", (r, v) -> AriResponse.ok(originates.originate(r, null)));
        post("/channels/externalMedia", (r, v) -> AriResponse.ok(originates.externalMedia(r)));
        get("/channels/{id}", (r, v) -> AriResponse.ok(channels.get(v.get(0))));
        post("/channels/{id}", (r, v) -> AriResponse.ok(originates.originate(r, v.get(0))));
        delete("/channels/{id}", (r, v) -> none(() -> channels.hangup(v.get(0), r.param("reason"), r.param("reason_code"))));
        post("/channels/{id}/answer", (r, v) -> none(() -> channels.answer(v.get(0))));
        post("/channels/{id}/ring", (r, v) -> none(() -> channels.ring(v.get(0))));
        delete("/channels/{id}/ring", (r, v) -> none(() -> channels.acceptMediaCommand(v.get(0))));
        post("/channels/{id}/hold", (r, v) -> none(() -> channels.hold(v.get(0), true)));
        delete("/channels/{id}/hold", (r, v) -> none(() -> channels.hold(v.get(0), false)));
        for (String command : List.of("mute", "moh", "silence")) {
            post("/channels/{id}/" + command, (r, v) -> none(() -> channels.acceptMediaCommand(v.get(0))));
            delete("/channels/{id}/" + command, (r, v) -> none(() -> channels.acceptMediaCommand(v.get(0))));
        }
        post("/channels/{id}/dtmf", (r, v) -> none(() -> dtmf(channels, v.get(0), r)));
        post("/channels/{id}/variable", (r, v) -> none(() -> channels.setVariable(v.get(0), r.param("variable"), r.param("value"))));
        get("/channels/{id}/variable", (r, v) -> AriResponse.ok(channels.getVariable(v.get(0), r.param("variable"))));
        post("/channels/{id}/redirect", (r, v) -> none(() -> channels.redirect(v.get(0), r.param("endpoint"))));
        post("/channels/{id}/continue", (r, v) -> none(() -> channels.continueInDialplan(v.get(0))));
        post("/channels/{id}/play", (r, v) -> channelPlay(world, media, v.get(0), r, r.param("playbackId")));
        post("/channels/{id}/play/{pid}", (r, v) -> channelPlay(world, media, v.get(0), r, v.get(1)));
        post("/channels/{id}/record", (r, v) -> record(media, "channel:" + world.stasisChannel(v.get(0)).id, r));
        get("/bridges", (r, v) -> AriResponse.ok(bridges.list()));
        post("/bridges", (r, v) -> AriResponse.ok(bridges.create(r.param("bridgeId"), r.param("type"), r.param("name"))));
        get("/bridges/{id}", (r, v) -> AriResponse.ok(bridges.get(v.get(0))));
        post("/bridges/{id}", (r, v) -> AriResponse.ok(bridges.create(v.get(0), r.param("type"), r.param("name"))));
        delete("/bridges/{id}", (r, v) -> none(() -> bridges.destroy(v.get(0))));
        post("/bridges/{id}/addChannel", (r, v) -> none(() -> bridges.addChannels(v.get(0), r.param("channel"))));
        post("/bridges/{id}/removeChannel", (r, v) -> none(() -> bridges.removeChannels(v.get(0), r.param("channel"))));
        post("/bridges/{id}/play", (r, v) -> bridgePlay(bridges, media, v.get(0), r, r.param("playbackId")));
        post("/bridges/{id}/play/{pid}", (r, v) -> bridgePlay(bridges, media, v.get(0), r, v.get(1)));
        post("/bridges/{id}/record", (r, v) -> record(media, "bridge:" + bridges.find(v.get(0)).id, r));
        // Music on hold into a bridge: what its channels hear (AsteriskSim.hears), until stopped.
        post("/bridges/{id}/moh", (r, v) -> none(() -> bridges.find(v.get(0)).mohClass =
                r.param("mohClass") == null || r.param("mohClass").isBlank() ? "default" : r.param("mohClass")));
        delete("/bridges/{id}/moh", (r, v) -> none(() -> bridges.find(v.get(0)).mohClass = null));
        get("/playbacks/{id}", (r, v) -> AriResponse.ok(media.playback(v.get(0))));
        delete("/playbacks/{id}", (r, v) -> none(() -> media.stop(v.get(0))));
        get("/recordings/live/{name}", (r, v) -> AriResponse.ok(media.liveRecording(v.get(0))));
        post("/recordings/live/{name}/stop", (r, v) -> none(() -> media.stopRecording(v.get(0))));
        delete("/recordings/live/{name}", (r, v) -> none(() -> media.stopRecording(v.get(0))));
    }

    /** Answers a request; never throws (an operation's {@link AriError} becomes its status and body). */
    AriResponse handle(AriRequest request) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.pattern().matcher(request.path());
            if (!matcher.matches()) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(request.method())) {
                return run(route, request, matcher);
            }
        }
        return pathKnown ? AriResponse.error(405, "Invalid method") : AriResponse.error(404, "Resource not found");
    }

    private static AriResponse run(Route route, AriRequest request, Matcher matcher) {
        List<String> vars = new ArrayList<>();
        for (int i = 1; i <= matcher.groupCount(); i++) {
            vars.add(matcher.group(i));
        }
        try {
            return route.handler().handle(request, vars);
        } catch (AriError e) {
            return AriResponse.error(e.status, e.getMessage());
        } catch (NumberFormatException e) {
            return AriResponse.error(400, "Invalid number: " + e.getMessage());
        }
    }

    private static AriResponse none(Runnable operation) {
        operation.run();
        return AriResponse.noContent();
    }

    private static void dtmf(ChannelOps channels, String id, AriRequest request) {
        channels.acceptMediaCommand(id);
        if (request.param("dtmf") == null || request.param("dtmf").isEmpty()) {
            throw new AriError(400, "DTMF is required");
        }
    }

    private static AriResponse channelPlay(World world, MediaOps media, String id, AriRequest r, String playbackId) {
        SimChannel channel = world.stasisChannel(id);
        return AriResponse.created(media.play("channel:" + channel.id, r.param("media"), playbackId));
    }

    private static AriResponse bridgePlay(BridgeOps bridges, MediaOps media, String id, AriRequest r, String playbackId) {
        SimBridge bridge = bridges.find(id);
        return AriResponse.created(media.play("bridge:" + bridge.id, r.param("media"), playbackId));
    }

    private static AriResponse record(MediaOps media, String targetUri, AriRequest r) {
        return AriResponse.created(media.record(targetUri, r.param("name"), r.param("format"),
                r.intParam("maxDurationSeconds", 0)));
    }

    private static tools.jackson.databind.node.ObjectNode info(World world) {
        tools.jackson.databind.node.ObjectNode info = AriJson.object();
        info.putObject("system").put("version", "22.10.1").put("entity_id", world.config.asteriskId());
        return info;
    }

    private void get(String template, Handler handler) {
        add("GET", template, handler);
    }

    private void post(String template, Handler handler) {
        add("POST", template, handler);
    }

    private void put(String template, Handler handler) {
        add("PUT", template, handler);
    }

    private void delete(String template, Handler handler) {
        add("DELETE", template, handler);
    }

    private void add(String method, String template, Handler handler) {
        String regex = template.replaceAll("\\{[a-z]+}", "([^/]+)");
        routes.add(new Route(method, Pattern.compile(regex), handler));
    }
}
