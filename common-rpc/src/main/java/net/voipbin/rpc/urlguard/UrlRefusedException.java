package net.voipbin.rpc.urlguard;

import java.net.UnknownHostException;

/**
 * A customer URL the guard will not let a client reach; the message names the rule ("address 10.0.0.5
 * is private (10.0.0.0/8)") and is meant for the customer. An {@link UnknownHostException} because the
 * HTTP clients' resolvers may only fail with one, and to them a refused host is a host with no usable
 * address: no connection is attempted.
 */
public final class UrlRefusedException extends UnknownHostException {

    public UrlRefusedException(String message) {
        super(message);
    }
}
