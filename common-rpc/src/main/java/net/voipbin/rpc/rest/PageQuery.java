package net.voipbin.rpc.rest;

import java.util.Optional;

import net.voipbin.rpc.error.ApiException;

/**
 * A list request's {@code page_size} (1..100, default 10) and opaque {@code page_token} (the cursor
 * returned as {@code next_page_token} by the previous page).
 */
public record PageQuery(int pageSize, Optional<PageCursor> cursor) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;

    public PageQuery {
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw ApiException.invalidField("page_size", "must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageQuery of(Integer pageSize, String pageToken) {
        int size = pageSize == null ? DEFAULT_SIZE : pageSize;
        return new PageQuery(size, pageToken == null || pageToken.isBlank()
                ? Optional.empty() : Optional.of(PageCursor.decode(pageToken)));
    }

    public static PageQuery first(int pageSize) {
        return new PageQuery(pageSize, Optional.empty());
    }
}
