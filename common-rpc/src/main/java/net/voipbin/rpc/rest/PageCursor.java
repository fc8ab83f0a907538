package net.voipbin.rpc.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import net.voipbin.rpc.error.ApiException;

/**
 * Keyset position in a list ordered newest first by (tm_create, id): stable under inserts, unlike an
 * offset. Encoded as an opaque URL-safe token.
 */
public record PageCursor(Instant tmCreate, UUID id) {

    public String encode() {
        String raw = tmCreate.toEpochMilli() + ":" + tmCreate.getNano() % 1_000_000 + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static PageCursor decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            Instant instant = Instant.ofEpochMilli(Long.parseLong(parts[0])).plusNanos(Long.parseLong(parts[1]));
            return new PageCursor(instant, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ApiException.invalidField("page_token", "not a token this API issued");
        }
    }
}
