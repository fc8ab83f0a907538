package net.voipbin.outdialmanager.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import net.voipbin.outdialmanager.config.OutdialProperties;
import net.voipbin.outdialmanager.outdial.OutdialService;
import net.voipbin.outdialmanager.target.TargetDraft;
import net.voipbin.outdialmanager.target.TargetDrafts;
import net.voipbin.outdialmanager.target.TargetFields;
import net.voipbin.outdialmanager.target.TargetJson;
import net.voipbin.outdialmanager.target.TargetService;
import net.voipbin.rpc.error.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Bulk import: every row is checked by the same rules as a single target; a refused row is reported
 * with its reason and the others are stored, all in one statement and one transaction.
 */
@Service
class TargetImportService {

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
        List<TargetDraft> valid = new ArrayList<>(rows.size());
        List<ImportResult.RowError> rejected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            R row = rows.get(i);
            try {
                valid.add(drafts.check(reader.apply(row), region));
            } catch (ApiException e) {
                rejected.add(new ImportResult.RowError(i + 1, lineOf.apply(row), e.field(), e.getMessage()));
            }
        }
        int imported = targets.importTargets(customerId, outdialId, valid, rejected.size(), format);
        return new ImportResult(outdialId, imported, rejected.size(), rejected);
    }
}
