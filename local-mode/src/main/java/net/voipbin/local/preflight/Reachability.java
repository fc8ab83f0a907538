package net.voipbin.local.preflight;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import com.rabbitmq.client.ConnectionFactory;

import net.voipbin.local.home.LocalModeException;

/** Is the user's own PostgreSQL or RabbitMQ there? Asked before anything starts, answered plainly. */
public final class Reachability {

    private static final int TIMEOUT_SECONDS = 5;

    private Reachability() {
    }

    public static void database(String url, String user, String password) {
        DriverManager.setLoginTimeout(TIMEOUT_SECONDS);
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            throw new LocalModeException("VOIPBIN_DB_URL=" + url + " is not reachable as user " + user + ": "
                    + e.getMessage() + ". Start that PostgreSQL, fix the URL, or unset VOIPBIN_DB_URL to use the"
                    + " embedded one.", e);
        }
    }

    public static void broker(String url) {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(url);
            factory.setConnectionTimeout(TIMEOUT_SECONDS * 1000);
            try (com.rabbitmq.client.Connection ignored = factory.newConnection("voipbin-local-check")) {
                // connected: it answers AMQP 0-9-1
            }
        } catch (Exception e) {
            throw new LocalModeException("VOIPBIN_AMQP_URL=" + withoutPassword(url) + " is not reachable: "
                    + e.getMessage() + ". Start that broker, fix the URL, or unset VOIPBIN_AMQP_URL to use the"
                    + " embedded one.", e);
        }
    }

    /** A URL fit to print: the password replaced. */
    public static String withoutPassword(String url) {
        try {
            URI uri = URI.create(url);
            String userInfo = uri.getUserInfo();
            if (userInfo == null || !userInfo.contains(":")) {
                return url;
            }
            return url.replace(userInfo, userInfo.substring(0, userInfo.indexOf(':')) + ":***");
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
