package net.voipbin.contract.conferencemanager;

/** Event types conference-manager publishes on {@code bin-manager.event} (routing key {@code conference-manager.<type>}). */
public final class ConferenceManagerEvents {

    /** Data: {@link Conference} (status progressing). */
    public static final String CONFERENCE_CREATED = "conference_created";
    /** Data: {@link Conference}: changed by PUT, stop (terminating), termination (terminated), recording. */
    public static final String CONFERENCE_UPDATED = "conference_updated";
    /** Data: {@link Conference} as it was deleted. */
    public static final String CONFERENCE_DELETED = "conference_deleted";
    /** Data: {@link ConferencecallMember}: the participant is in the bridge. */
    public static final String CONFERENCECALL_JOINED = "conferencecall_joined";
    /** Data: {@link ConferencecallMember}: the participant has left (or never got in); flow-manager resumes on it. */
    public static final String CONFERENCECALL_LEFT = "conferencecall_left";

    private ConferenceManagerEvents() {
    }
}
