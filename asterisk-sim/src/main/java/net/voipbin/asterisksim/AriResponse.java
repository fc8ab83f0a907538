package net.voipbin.asterisksim;

import tools.jackson.databind.JsonNode;

/** A REST answer: status and compact JSON body ({@code null} for 204). */
record AriResponse(int status, String body) {

    static AriResponse ok(JsonNode body) {
        return new AriResponse(200, AriJson.write(body));
    }

    static AriResponse created(JsonNode body) {
        return new AriResponse(201, AriJson.write(body));
    }

    static AriResponse noContent() {
        return new AriResponse(204, null);
    }

    static AriResponse error(int status, String message) {
        return new AriResponse(status, AriJson.write(AriJson.message(message)));
    }
}
