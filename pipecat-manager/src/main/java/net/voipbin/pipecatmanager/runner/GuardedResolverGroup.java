package net.voipbin.pipecatmanager.runner;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Function;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import net.voipbin.rpc.urlguard.UrlGuard;

/**
 * The runner connection's name resolution: the fleet's URL guard resolves the host once and Netty
 * connects to the address it checked, so a DNS answer that changes after the check cannot send the
 * call's audio inward. The lookup runs on a virtual thread because it blocks, and the event loop it
 * would otherwise block carries other sessions' 20 ms audio.
 */
final class GuardedResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final UrlGuard guard;

    GuardedResolverGroup(UrlGuard guard) {
        this.guard = guard;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetNameResolver(executor) {
            @Override
            protected void doResolve(String host, Promise<InetAddress> promise) {
                lookUp(host, promise, addresses -> addresses[0]);
            }

            @Override
            protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                lookUp(host, promise, List::of);
            }
        }.asAddressResolver();
    }

    private <T> void lookUp(String host, Promise<T> promise, Function<InetAddress[], T> answer) {
        Thread.ofVirtual().name("runner-dns").start(() -> {
            try {
                promise.trySuccess(answer.apply(guard.resolve(host)));
            } catch (UnknownHostException e) {
                promise.tryFailure(e);
            }
        });
    }
}
