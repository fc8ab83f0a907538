package net.voipbin.callmanager.call;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.contract.flowmanager.Action;
import net.voipbin.contract.flowmanager.FlowCreate;
import net.voipbin.contract.flowmanager.FlowManagerClient;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageQuery;

/** {@code /v1.0/calls}: the customer's calls; outbound calls are created here too. */
@RestController
@RequestMapping("/v1.0/calls")
class CallController {

    /** Create outbound calls to {@code destinations}; the answered calls run {@code flow_id}. */
    /** An outbound call runs a stored flow ({@code flow_id}) or inline {@code actions}, stored as a flow for it. */
    record CreateBody(@NotNull @Valid Address source, @NotEmpty List<@Valid @NotNull Address> destinations,
            UUID flowId, List<Action> actions, @Min(1000) @Max(300_000) Integer dialTimeoutMs) {
    }

    record HangupBody(String reason) {
    }

    private final CallService calls;
    private final OutboundDialer dialer;
    private final FlowManagerClient flows;

    CallController(CallService calls, OutboundDialer dialer, FlowManagerClient flows) {
        this.calls = calls;
        this.dialer = dialer;
        this.flows = flows;
    }

    @GetMapping
    Page<Call> list(Customer customer, PageQuery page, @RequestParam(required = false) String status) {
        Page<CallRow> rows = calls.list(customer.id(), status(status), page);
        return new Page<>(rows.result().stream().map(CallRow::toCall).toList(), rows.nextPageToken());
    }

    @GetMapping("/{id}")
    Call get(Customer customer, @PathVariable UUID id) {
        return calls.get(customer.id(), id).toCall();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    List<Call> create(Customer customer, @Valid @RequestBody CreateBody body) {
        return dialer.dial(customer.id(), body.source(), body.destinations(), flowOf(customer, body),
                body.dialTimeoutMs()).stream().map(CallRow::toCall).toList();
    }

    private UUID flowOf(Customer customer, CreateBody body) {
        boolean inline = body.actions() != null && !body.actions().isEmpty();
        if (body.flowId() != null && inline) {
            throw ApiException.invalidField("actions", "give flow_id or actions, not both");
        }
        if (body.flowId() != null) {
            return body.flowId();
        }
        if (!inline) {
            throw ApiException.invalidField("flow_id", "a flow_id or inline actions are required");
        }
        return flows.createFlow(new FlowCreate(customer.id(), "outbound call to " + body.destinations().getFirst().target(),
                "inline actions of an outbound call", body.actions())).id();
    }

    @PostMapping("/{id}/hangup")
    Call hangup(Customer customer, @PathVariable UUID id, @RequestBody(required = false) HangupBody body) {
        calls.get(customer.id(), id);
        return calls.hangup(id, CallRpcEndpoint.reason(body == null ? null : body.reason()), null).toCall();
    }

    private static CallStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return CallStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("status", "not a call status: " + status);
        }
    }
}
