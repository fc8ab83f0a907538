package net.voipbin.rpc.urlguard;

import java.util.Set;

/** Which schemes a customer URL may have, and how a refusal says so. */
public enum UrlKind {
    HTTP(Set.of("http", "https"), "must be an http or https URL"),
    WEBSOCKET(Set.of("ws", "wss"), "must be a ws or wss URL");

    private final Set<String> schemes;
    private final String rule;

    UrlKind(Set<String> schemes, String rule) {
        this.schemes = schemes;
        this.rule = rule;
    }

    boolean accepts(String scheme) {
        return schemes.contains(scheme);
    }

    String rule() {
        return rule;
    }
}
