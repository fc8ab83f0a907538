package net.voipbin.rpc.rest;

import java.util.Objects;
import java.util.UUID;

/**
 * The authenticated customer of a REST request, resolved from the bearer token. A controller takes it
 * as a parameter and scopes every query by it: another customer's resource is simply not found.
 */
public record Customer(UUID id) {

    public Customer {
        Objects.requireNonNull(id, "customer id");
    }
}
