package net.voipbin.callmanager.transfer;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import net.voipbin.callmanager.call.CallService;
import net.voipbin.contract.callmanager.Transfer;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.rest.Customer;

/** {@code POST /v1.0/calls/<id>/transfer} and the customer's transfers. */
@RestController
class TransferController {

    private final TransferService transfers;
    private final CallService calls;

    TransferController(TransferService transfers, CallService calls) {
        this.transfers = transfers;
        this.calls = calls;
    }

    @PostMapping("/v1.0/calls/{id}/transfer")
    @ResponseStatus(HttpStatus.CREATED)
    Transfer transfer(Customer customer, @PathVariable UUID id, @RequestBody TransferRequest body) {
        calls.get(customer.id(), id);
        return transfers.start(id, body.transferType(), body.address(), body.flowId(), body.actions());
    }

    @GetMapping("/v1.0/transfers/{id}")
    Transfer get(Customer customer, @PathVariable UUID id) {
        return own(customer, transfers.get(id));
    }

    @PostMapping("/v1.0/transfers/{id}/complete")
    Transfer complete(Customer customer, @PathVariable UUID id) {
        own(customer, transfers.get(id));
        return transfers.complete(id);
    }

    @PostMapping("/v1.0/transfers/{id}/cancel")
    Transfer cancel(Customer customer, @PathVariable UUID id) {
        own(customer, transfers.get(id));
        return transfers.cancel(id);
    }

    private static Transfer own(Customer customer, Transfer transfer) {
        if (!transfer.customerId().equals(customer.id())) {
            throw ApiException.notFound("transfer " + transfer.id());
        }
        return transfer;
    }
}
