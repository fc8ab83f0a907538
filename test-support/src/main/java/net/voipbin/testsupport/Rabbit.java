package net.voipbin.testsupport;

import java.net.URI;

/** Where the integration tests' RabbitMQ is, and how it was found. */
public record Rabbit(String uri, String source) {

    public String host() {
        return URI.create(uri).getHost();
    }

    public int port() {
        int port = URI.create(uri).getPort();
        return port < 0 ? 5672 : port;
    }

    public com.rabbitmq.client.ConnectionFactory connectionFactory() {
        com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (Exception e) {
            throw new IllegalStateException("bad AMQP URI " + uri, e);
        }
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }
}
