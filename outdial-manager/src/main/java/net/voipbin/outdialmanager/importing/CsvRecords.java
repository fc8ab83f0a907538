package net.voipbin.outdialmanager.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records: comma separated, fields optionally in double quotes (a quote inside doubled), a quoted
 * field may hold commas and line breaks; CRLF or LF; a UTF-8 byte order mark is skipped, blank lines are
 * ignored. Each record knows the line it starts on, so errors can point at it in the customer's file.
 */
final class CsvRecords {

    /** One record; {@code error} is set when it could not be read (a quote never closed). */
    record CsvRecord(int line, List<String> fields, String error) {
    }

    private CsvRecords() {
    }

    static List<CsvRecord> parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<CsvRecord> records = new ArrayList<>();
        int i = 0;
        int line = 1;
        while (i < text.length()) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            String error = null;
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        line += c == '\n' ? 1 : 0;
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n' || c == '\r') {
                    i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                    line++;
                    break;
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                error = "a quoted field is not closed (a \" is missing)";
            }
            fields.add(field.toString());
            if (error != null || !(fields.size() == 1 && fields.getFirst().isBlank() && !wasQuoted)) {
                records.add(new CsvRecord(start, List.copyOf(fields), error));
            }
        }
        return records;
    }
}
