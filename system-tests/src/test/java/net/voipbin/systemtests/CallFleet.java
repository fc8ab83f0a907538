package net.voipbin.systemtests;

import java.util.UUID;

/** A running fleet that takes inbound calls: the simulator's control API, the REST APIs, tokens. */
interface CallFleet {

    SimControl sim();

    /** A URL of call-manager's public REST API ({@code /v1.0} + path). */
    String callManager(String path);

    /** A URL of flow-manager's public REST API ({@code /v1.0} + path). */
    String flowManager(String path);

    /** A bearer token of {@code customerId}, signed with the key the services were given. */
    String tokenFor(UUID customerId);
}
