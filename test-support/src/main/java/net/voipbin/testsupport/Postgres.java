package net.voipbin.testsupport;

/** Where the integration tests' PostgreSQL is, and how it was found. */
public record Postgres(String jdbcUrl, String user, String password, String source) {
}
