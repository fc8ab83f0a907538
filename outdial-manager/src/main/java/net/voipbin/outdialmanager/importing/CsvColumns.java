package net.voipbin.outdialmanager.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.voipbin.outdialmanager.outdialtarget.TargetFields;
import net.voipbin.rpc.error.ApiException;

/**
 * The header row's meaning: {@code name}, {@code detail}, {@code time_zone} and {@code destination_0} ..
 * {@code destination_4} (slot order) are the target's fields, any other column goes into its
 * {@code data} under the header's name. Empty cells are absent values.
 */
final class CsvColumns {

    private static final List<String> DESTINATIONS = Arrays.asList("destination_0", "destination_1", "destination_2",
            "destination_3", "destination_4");

    private final List<String> names;

    private CsvColumns(List<String> names) {
        this.names = names;
    }

    static CsvColumns of(CsvRecords.CsvRecord header) {
        if (header.error() != null) {
            throw ApiException.invalidField("file", "the header row cannot be read: " + header.error());
        }
        List<String> names = header.fields().stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
        if (!names.contains("destination_0")) {
            throw ApiException.invalidField("file", "the header row needs a destination_0 column "
                    + "(and optionally destination_1 .. destination_4, name, detail, time_zone; others go to data)");
        }
        return new CsvColumns(names);
    }

    TargetFields fields(CsvRecords.CsvRecord record) {
        if (record.error() != null) {
            throw ApiException.badRequest("invalid_row", record.error());
        }
        if (record.fields().size() > names.size()) {
            throw ApiException.badRequest("invalid_row", "the row has " + record.fields().size()
                    + " fields, the header has " + names.size());
        }
        String[] destinations = new String[DESTINATIONS.size()];
        Map<String, Object> data = new LinkedHashMap<>();
        String name = null;
        String detail = null;
        String zone = null;
        for (int i = 0; i < record.fields().size(); i++) {
            String value = record.fields().get(i).trim();
            if (value.isEmpty()) {
                continue;
            }
            String column = names.get(i);
            int slot = DESTINATIONS.indexOf(column);
            switch (column) {
                case "name" -> name = value;
                case "detail" -> detail = value;
                case "time_zone" -> zone = value;
                default -> {
                    if (slot >= 0) {
                        destinations[slot] = value;
                    } else {
                        data.put(column, value);
                    }
                }
            }
        }
        return new TargetFields(name, detail, data.isEmpty() ? null : data, new ArrayList<>(Arrays.asList(destinations)),
                zone);
    }
}
