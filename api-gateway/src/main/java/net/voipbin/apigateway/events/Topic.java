package net.voipbin.apigateway.events;

import java.util.UUID;

/**
 * A subscription topic in VoIPBIN's form: {@code customer_id:<customer>:<resource>:<resource id or *>}
 * ({@code customer_id:<customer>:call:*} is every call event of the customer). A client may only name
 * its own customer.
 */
record Topic(UUID customer, String resource, String resourceId) {

    private static final String PREFIX = "customer_id:";

    /** Parses a topic; a malformed one is an {@link IllegalArgumentException} with a message for the client. */
    static Topic parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("topic must look like customer_id:<id>:<resource>:<id or *>: " + text);
        }
        String[] parts = text.substring(PREFIX.length()).split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[1].isBlank()) {
            throw new IllegalArgumentException("topic must look like customer_id:<id>:<resource>:<id or *>: " + text);
        }
        UUID customer;
        try {
            customer = UUID.fromString(parts[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("topic's customer_id is not a UUID: " + text);
        }
        String id = parts.length == 3 && !parts[2].isBlank() ? parts[2] : "*";
        return new Topic(customer, parts[1], id);
    }

    boolean matches(LiveEvent event) {
        return event.customer().equals(customer)
                && (resource.equals("*") || resource.equals(event.resource()))
                && (resourceId.equals("*") || resourceId.equals(event.resourceId()));
    }
}
