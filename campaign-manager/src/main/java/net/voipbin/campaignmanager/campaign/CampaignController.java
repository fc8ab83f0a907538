package net.voipbin.campaignmanager.campaign;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import net.voipbin.contract.campaignmanager.Campaign;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageQuery;

/** {@code /v1.0/campaigns}: the customer's campaigns, started and stopped here. */
@RestController
@RequestMapping("/v1.0/campaigns")
class CampaignController {

    private final CampaignService service;
    private final CampaignRuns runs;

    CampaignController(CampaignService service, CampaignRuns runs) {
        this.service = service;
        this.runs = runs;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Campaign create(Customer customer, @Valid @RequestBody CampaignRequests.Create request) {
        return service.create(customer.id(), request);
    }

    @GetMapping
    Page<Campaign> list(Customer customer, PageQuery page) {
        return service.list(customer.id(), page);
    }

    @GetMapping("/{id}")
    Campaign get(Customer customer, @PathVariable UUID id) {
        return service.get(customer.id(), id);
    }

    @PutMapping("/{id}")
    Campaign update(Customer customer, @PathVariable UUID id, @Valid @RequestBody CampaignRequests.Update request) {
        return service.update(customer.id(), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Customer customer, @PathVariable UUID id) {
        service.delete(customer.id(), id);
    }

    @PostMapping("/{id}/start")
    Campaign start(Customer customer, @PathVariable UUID id) {
        return runs.start(customer.id(), id);
    }

    @PostMapping("/{id}/stop")
    Campaign stop(Customer customer, @PathVariable UUID id) {
        return runs.stop(customer.id(), id);
    }

    @PutMapping("/{id}/status")
    Campaign status(Customer customer, @PathVariable UUID id, @Valid @RequestBody CampaignRequests.Status request) {
        return runs.change(customer.id(), id, request.status());
    }
}
