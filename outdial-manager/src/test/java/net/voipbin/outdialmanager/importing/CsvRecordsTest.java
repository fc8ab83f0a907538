package net.voipbin.outdialmanager.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    private static List<CsvRecords.CsvRecord> parse(String text) {
        return CsvRecords.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaksAndRecordsKnowTheirLine() {
        List<CsvRecords.CsvRecord> records = parse("\uFEFFa,b\r\n\"x, \"\"y\"\"\nz\",2\r\n\r\nlast,3");

        assertThat(records).extracting(CsvRecords.CsvRecord::line).containsExactly(1, 2, 5);
        assertThat(records.get(0).fields()).containsExactly("a", "b");
        assertThat(records.get(1).fields()).containsExactly("x, \"y\"\nz", "2");
        assertThat(records.get(2).fields()).containsExactly("last", "3");
        assertThat(records).allMatch(r -> r.error() == null);
    }

    @Test
    void emptyCellsAreKeptAndAnUnclosedQuoteIsThatRecordsError() {
        List<CsvRecords.CsvRecord> records = parse("a,,c\n\"open,1\n2\n");

        assertThat(records.get(0).fields()).containsExactly("a", "", "c");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).error()).contains("not closed");
    }
}
