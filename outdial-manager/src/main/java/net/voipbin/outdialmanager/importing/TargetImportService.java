package net.voipbin.outdialmanager.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import net.voipbin.outdialmanager.config.OutdialProperties;
import net.voipbin.outdialmanager.outdial.OutdialService;
import net.voipbin.outdialmanager.outdialtarget.TargetDraft;
import net.voipbin.outdialmanager.outdialtarget.TargetDrafts;
import net.voipbin.outdialmanager.outdialtarget.TargetFields;
import net.voipbin.outdialmanager.outdialtarget.TargetJson;
import net.voipbin.outdialmanager.outdialtarget.TargetService;
import net.voipbin.rpc.error.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Bulk import: every row is checked by the same rules as a single target; a refused row is reported
 * with its reason and the others are stored, all in one statement and one transaction.
 */
@Service
class TargetImportService {

    private static final Logger log = LoggerFactory.getLogger(TargetImportService.class);

    private final TargetDrafts drafts;
    private final TargetJson json;
    private final TargetService targets;
    private final OutdialService outdials;
    private final OutdialProperties properties;

    TargetImportService(TargetDrafts drafts, TargetJson json, TargetService targets, OutdialService outdials,
            OutdialProperties properties) {
        this.drafts = drafts;
        this.json = json;
        this.targets = targets;
        this.outdials = outdials;
        this.properties = properties;
    }

    ImportResult importJson(UUID customerId, UUID outdialId, JsonNode body, String region) {
        if (body == null || !body.isArray()) {
            throw ApiException.badRequest("invalid_body", "request body must be a JSON array of targets");
        }
        List<JsonNode> rows = new ArrayList<>(body.size());
        body.forEach(rows::add);
        return run(customerId, outdialId, rows, node -> json.read(node), row -> null, region, "json");
    }

    ImportResult importCsv(UUID customerId, UUID outdialId, byte[] body, String region) {
        List<CsvRecords.CsvRecord> records = CsvRecords.parse(body);
        if (records.isEmpty()) {
            throw ApiException.invalidField("file", "the CSV is empty: it needs a header row and targets");
        }
        CsvColumns columns = CsvColumns.of(records.getFirst());
        return run(customerId, outdialId, records.subList(1, records.size()), columns::fields,
                CsvRecords.CsvRecord::line, region, "csv");
    }

    private <R> ImportResult run(UUID customerId, UUID outdialId, List<R> rows, Function<R, TargetFields> reader,
            Function<R, Integer> lineOf, String region, String format) {
        // Before the work: a foreign outdial is 404 however large the upload.
        outdials.get(customerId, outdialId);
        if (rows.size() > properties.importMaxRows()) {
            throw ApiException.invalidField("targets", "at most " + properties.importMaxRows()
                    + " targets per import, this one has " + rows.size());
        }
        long start = System.nanoTime();
        // libphonenumber's checks are most of an import's time: rows are checked on every core.
        List<Checked> checks = IntStream.range(0, rows.size()).parallel()
                .mapToObj(i -> check(i, rows.get(i), reader, lineOf, region)).toList();
        List<TargetDraft> valid = checks.stream().filter(c -> c.draft() != null).map(Checked::draft).toList();
        List<ImportResult.RowError> rejected = checks.stream().filter(c -> c.error() != null).map(Checked::error).toList();
        long checked = System.nanoTime();
        int imported = targets.importTargets(customerId, outdialId, valid, rejected.size(), format);
        log.info("{} import into outdial {}: {} rows checked in {} ms, {} stored in {} ms", format, outdialId,
                rows.size(), (checked - start) / 1_000_000, imported, (System.nanoTime() - checked) / 1_000_000);
        return new ImportResult(outdialId, imported, rejected.size(), rejected);
    }

    private <R> Checked check(int index, R row, Function<R, TargetFields> reader, Function<R, Integer> lineOf,
            String region) {
        try {
            return new Checked(drafts.check(reader.apply(row), region), null);
        } catch (ApiException e) {
            return new Checked(null, new ImportResult.RowError(index + 1, lineOf.apply(row), e.field(), e.getMessage()));
        }
    }

    /** One row's fate: a draft to store, or the error that refused it. */
    private record Checked(TargetDraft draft, ImportResult.RowError error) {
    }
}
