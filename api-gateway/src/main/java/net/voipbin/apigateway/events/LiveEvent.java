package net.voipbin.apigateway.events;

import java.util.UUID;

import net.voipbin.rpc.envelope.Event;

/**
 * A customer's event as the live clients see it: the webhook body ({@code type}, {@code timestamp},
 * {@code data}) serialized once for all of the customer's clients, with what the filters look at.
 *
 * @param resource   the resource the event is about, from its type: {@code call} for {@code call_hungup},
 *                   {@code queuecall} for {@code queuecall_waiting}
 * @param resourceId the resource's {@code data.id} ("" when it has none)
 */
record LiveEvent(UUID customer, String type, String resource, String resourceId, String body) {

    static String resourceOf(String type) {
        int underscore = type.indexOf('_');
        return underscore < 0 ? type : type.substring(0, underscore);
    }

    static String resourceIdOf(Event event) {
        return event.data() == null ? "" : event.data().path("id").asString("");
    }
}
