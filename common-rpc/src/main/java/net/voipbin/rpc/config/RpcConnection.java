package net.voipbin.rpc.config;

import java.util.concurrent.Executor;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;

/**
 * RPC has its own broker connection, configured like the service's main one but without publisher
 * confirms: a request lost with the broker is a timeout to its caller anyway, and a confirm round trip
 * per request and per reply costs about a third of a call. Not a {@code ConnectionFactory} bean, so
 * everything else keeps injecting the main factory unambiguously.
 */
public final class RpcConnection implements DisposableBean {

    private final CachingConnectionFactory factory;

    RpcConnection(CachingConnectionFactory main, CachingConnectionFactoryConfigurer configurer, Executor consumers) {
        this.factory = new CachingConnectionFactory(main.getRabbitConnectionFactory());
        configurer.configure(factory);
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.NONE);
        // Returns are handled by the RPC client's own listener on its channels.
        factory.setPublisherReturns(false);
        factory.setExecutor(consumers);
        factory.setBeanName("rpcConnectionFactory");
    }

    public CachingConnectionFactory factory() {
        return factory;
    }

    @Override
    public void destroy() {
        factory.destroy();
    }
}
