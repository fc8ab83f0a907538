package net.voipbin.conferencemanager.conference;

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

import net.voipbin.contract.conferencemanager.Conference;
import net.voipbin.contract.conferencemanager.Conferencecall;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageQuery;

/** {@code /v1.0/conferences}: the customer's conferences and their participants. */
@RestController
@RequestMapping("/v1.0/conferences")
class ConferenceController {

    private final ConferenceService conferences;
    private final ParticipantService participants;
    private final ConferenceRecordings recordings;

    ConferenceController(ConferenceService conferences, ParticipantService participants,
            ConferenceRecordings recordings) {
        this.conferences = conferences;
        this.participants = participants;
        this.recordings = recordings;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Conference create(Customer customer, @RequestBody ConferenceRequests.Create request) {
        return conferences.create(customer.id(), request);
    }

    @GetMapping
    Page<Conference> list(Customer customer, PageQuery page) {
        return conferences.list(customer.id(), page);
    }

    @GetMapping("/{id}")
    Conference get(Customer customer, @PathVariable UUID id) {
        return conferences.get(customer.id(), id);
    }

    @PutMapping("/{id}")
    Conference update(Customer customer, @PathVariable UUID id, @RequestBody ConferenceRequests.Update request) {
        return conferences.update(customer.id(), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Customer customer, @PathVariable UUID id) {
        conferences.delete(customer.id(), id);
    }

    @PostMapping("/{id}/stop")
    Conference stop(Customer customer, @PathVariable UUID id) {
        return conferences.stop(customer.id(), id);
    }

    @PostMapping("/{id}/recording_start")
    Conference recordingStart(Customer customer, @PathVariable UUID id) {
        return recordings.start(customer.id(), id);
    }

    @PostMapping("/{id}/recording_stop")
    Conference recordingStop(Customer customer, @PathVariable UUID id) {
        return recordings.stop(customer.id(), id);
    }

    @GetMapping("/{id}/conferencecalls")
    Page<Conferencecall> participants(Customer customer, @PathVariable UUID id, PageQuery page) {
        return participants.list(customer.id(), id, page);
    }
}
