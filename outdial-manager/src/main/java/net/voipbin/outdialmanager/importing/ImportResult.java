package net.voipbin.outdialmanager.importing;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to an import: how many targets were stored and every refused row with its reason. Rows
 * count from 1 in upload order (the CSV header is not a row); {@code line} is the CSV line the row
 * starts on.
 */
record ImportResult(UUID outdialId, int imported, int rejectedCount, List<RowError> rejected) {

    ImportResult {
        rejected = List.copyOf(rejected);
    }

    record RowError(int row, @JsonInclude(JsonInclude.Include.NON_NULL) Integer line,
            @JsonInclude(JsonInclude.Include.NON_NULL) String field, String reason) {
    }
}
