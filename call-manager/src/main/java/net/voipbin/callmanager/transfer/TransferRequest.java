package net.voipbin.callmanager.transfer;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.CallRequests.Transfer.TransferType;
import net.voipbin.contract.flowmanager.Action;
import net.voipbin.rpc.error.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST .../calls/<id>/transfer} in both shapes the fleet sends: {@code destination} as an
 * address object ({@code CallRequests.Transfer}) or as a string ({@code CallTransferCreate}: E.164,
 * {@code sip:} URI or extension). Optionally what the transferee runs once the transfer completes: a stored
 * flow of the customer's ({@code flow_id}) or inline {@code actions} (stored as a flow), not both.
 */
record TransferRequest(String type, JsonNode destination, UUID flowId, List<Action> actions) {

    TransferRequest(String type, JsonNode destination) {
        this(type, destination, null, null);
    }

    TransferType transferType() {
        if (type == null || type.isBlank()) {
            return TransferType.BLIND;
        }
        try {
            return TransferType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("type", "must be blind or attended");
        }
    }

    /** Inline actions were given (a non-empty list). */
    boolean inline() {
        return actions != null && !actions.isEmpty();
    }

    Address address() {
        if (destination == null || destination.isNull()) {
            throw ApiException.invalidField("destination", "is required");
        }
        try {
            if (destination.isString()) {
                return parse(destination.asString());
            }
            Address.AddressType addressType = Address.AddressType.valueOf(
                    destination.path("type").asString("").toUpperCase(Locale.ROOT));
            return new Address(addressType, destination.path("target").asString(""));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("destination", "not an address: " + e.getMessage());
        }
    }

    private static Address parse(String value) {
        String v = value.trim();
        if (v.startsWith("sip:")) {
            return new Address(Address.AddressType.SIP, v);
        }
        return new Address(v.matches("\\+[0-9]{4,15}") ? Address.AddressType.TEL : Address.AddressType.EXTENSION, v);
    }
}
