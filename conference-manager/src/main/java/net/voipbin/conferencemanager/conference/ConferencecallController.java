package net.voipbin.conferencemanager.conference;

import java.util.UUID;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import net.voipbin.contract.conferencemanager.Conferencecall;
import net.voipbin.rpc.rest.Customer;

/** {@code /v1.0/conferencecalls}: one participant; DELETE kicks it (its flow goes on after the conference). */
@RestController
@RequestMapping("/v1.0/conferencecalls")
class ConferencecallController {

    private final ParticipantService participants;

    ConferencecallController(ParticipantService participants) {
        this.participants = participants;
    }

    @GetMapping("/{id}")
    Conferencecall get(Customer customer, @PathVariable UUID id) {
        return participants.get(customer.id(), id);
    }

    @DeleteMapping("/{id}")
    Conferencecall kick(Customer customer, @PathVariable UUID id) {
        return participants.kick(customer.id(), id);
    }

    @PostMapping("/{id}/mute")
    Conferencecall mute(Customer customer, @PathVariable UUID id) {
        return participants.mute(customer.id(), id, true);
    }

    @PostMapping("/{id}/unmute")
    Conferencecall unmute(Customer customer, @PathVariable UUID id) {
        return participants.mute(customer.id(), id, false);
    }
}
