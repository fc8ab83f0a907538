package net.voipbin.outdialmanager.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import net.voipbin.outdialmanager.number.PhoneNumbers;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.rest.Customer;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1.0/outdials/{id}/targets/import}: a JSON array of targets, a CSV body
 * ({@code text/csv}), or a CSV file uploaded as the multipart part {@code file}. {@code region} (ISO
 * 3166, e.g. {@code US}) reads numbers written without a country code.
 */
@RestController
@RequestMapping("/v1.0/outdials/{outdialId}/targets/import")
class ImportController {

    private final TargetImportService imports;
    private final PhoneNumbers numbers;

    ImportController(TargetImportService imports, PhoneNumbers numbers) {
        this.imports = imports;
        this.numbers = numbers;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ImportResult json(Customer customer, @PathVariable UUID outdialId, @RequestBody JsonNode body,
            @RequestParam(required = false) String region) {
        return imports.importJson(customer.id(), outdialId, body, numbers.region(region));
    }

    @PostMapping(consumes = "text/csv")
    ImportResult csv(Customer customer, @PathVariable UUID outdialId, @RequestBody byte[] body,
            @RequestParam(required = false) String region) {
        return imports.importCsv(customer.id(), outdialId, body, numbers.region(region));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult upload(Customer customer, @PathVariable UUID outdialId,
            @RequestPart(name = "file", required = false) MultipartFile file, @RequestParam(required = false) String region) {
        if (file == null) {
            throw ApiException.invalidField("file", "a multipart part named file holding the CSV is required");
        }
        try {
            return imports.importCsv(customer.id(), outdialId, file.getBytes(), numbers.region(region));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
