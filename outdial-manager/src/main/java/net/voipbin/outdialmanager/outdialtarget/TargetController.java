package net.voipbin.outdialmanager.outdialtarget;

import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import net.voipbin.contract.outdialmanager.OutdialTarget;
import net.voipbin.contract.outdialmanager.OutdialTargetCounts;
import net.voipbin.contract.outdialmanager.OutdialTargetStatus;
import net.voipbin.outdialmanager.number.PhoneNumbers;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageQuery;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1.0/outdials/{id}/targets}: one outdial's targets, and its counts per status. Bodies are read
 * as JSON trees by {@link TargetJson}, the reader an import uses for each of its rows.
 */
@RestController
@RequestMapping("/v1.0/outdials/{outdialId}")
class TargetController {

    private final TargetService service;
    private final TargetJson json;
    private final PhoneNumbers numbers;

    TargetController(TargetService service, TargetJson json, PhoneNumbers numbers) {
        this.service = service;
        this.json = json;
        this.numbers = numbers;
    }

    @PostMapping(path = "/targets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    OutdialTarget create(Customer customer, @PathVariable UUID outdialId, @RequestBody JsonNode body,
            @RequestParam(required = false) String region) {
        return service.create(customer.id(), outdialId, json.read(body), numbers.region(region));
    }

    @GetMapping("/targets")
    Page<OutdialTarget> list(Customer customer, @PathVariable UUID outdialId, PageQuery page,
            @RequestParam(required = false) String status) {
        return service.list(customer.id(), outdialId, status(status), page);
    }

    @GetMapping("/targets/{id}")
    OutdialTarget get(Customer customer, @PathVariable UUID outdialId, @PathVariable UUID id) {
        return service.get(customer.id(), outdialId, id);
    }

    @PutMapping(path = "/targets/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    OutdialTarget update(Customer customer, @PathVariable UUID outdialId, @PathVariable UUID id,
            @RequestBody JsonNode body, @RequestParam(required = false) String region) {
        return service.update(customer.id(), outdialId, id, json.read(body), numbers.region(region));
    }

    @DeleteMapping("/targets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Customer customer, @PathVariable UUID outdialId, @PathVariable UUID id) {
        service.delete(customer.id(), outdialId, id);
    }

    private static OutdialTargetStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OutdialTargetStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("status", "one of idle, progressing, done, failed, dnc: " + status);
        }
    }

    @GetMapping("/counts")
    OutdialTargetCounts counts(Customer customer, @PathVariable UUID outdialId) {
        return service.counts(customer.id(), outdialId);
    }
}
