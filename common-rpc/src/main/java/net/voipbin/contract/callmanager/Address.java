package net.voipbin.contract.callmanager;

import java.util.Objects;

/** A call endpoint: {@code {"type": "tel", "target": "+15550100"}} (tel | sip | extension). */
public record Address(AddressType type, String target) {

    public enum AddressType { TEL, SIP, EXTENSION }

    public Address {
        Objects.requireNonNull(type, "type");
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("target is required");
        }
    }

    public static Address tel(String number) {
        return new Address(AddressType.TEL, number);
    }
}
