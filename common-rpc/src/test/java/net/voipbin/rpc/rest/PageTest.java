package net.voipbin.rpc.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.rpc.error.ApiException;

class PageTest {

    record Row(Instant tmCreate, UUID id) {
    }

    @Test
    void cursorRoundTripsToTheNanosecond() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-01-20T12:00:00.123456789Z"), UUID.randomUUID());

        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void givesANextTokenOnlyWhenMoreRowsExist() {
        List<Row> rows = List.of(row(3), row(2), row(1));

        Page<Row> full = Page.of(rows, 2, r -> new PageCursor(r.tmCreate(), r.id()));
        assertThat(full.result()).hasSize(2);
        assertThat(PageCursor.decode(full.nextPageToken()).id()).isEqualTo(rows.get(1).id());

        Page<Row> last = Page.of(rows, 3, r -> new PageCursor(r.tmCreate(), r.id()));
        assertThat(last.nextPageToken()).isNull();
    }

    @Test
    void refusesBadSizesAndForeignTokens() {
        assertThatThrownBy(() -> PageQuery.of(0, null)).isInstanceOf(ApiException.class).hasMessageContaining("page_size");
        assertThatThrownBy(() -> PageQuery.of(101, null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PageQuery.of(10, "not-a-token")).isInstanceOf(ApiException.class)
                .hasMessageContaining("page_token");
        assertThat(PageQuery.of(null, "").pageSize()).isEqualTo(PageQuery.DEFAULT_SIZE);
    }

    private static Row row(int seconds) {
        return new Row(Instant.ofEpochSecond(seconds), UUID.randomUUID());
    }
}
