package net.voipbin.contract.callmanager;

/** call-manager's event types (routing key {@code call-manager.<type>}). */
public final class CallManagerEvents {

    public static final String PUBLISHER = "call-manager";

    public static final String CALL_CREATED = "call_created";
    public static final String CALL_RINGING = "call_ringing";
    public static final String CALL_ANSWERED = "call_answered";
    public static final String CALL_UPDATED = "call_updated";
    public static final String CALL_HUNGUP = "call_hungup";
    /** A long call operation (play, talk, digits_receive, record) ended: data is {@link CallOperationFinished}. */
    public static final String CALL_OPERATION_FINISHED = "call_operation_finished";
    /** One DTMF digit the caller pressed: data is {@link CallDtmfReceived}. */
    public static final String CALL_DTMF_RECEIVED = "call_dtmf_received";
    public static final String TRANSFER_CREATED = "transfer_created";
    public static final String TRANSFER_COMPLETED = "transfer_completed";
    public static final String TRANSFER_FAILED = "transfer_failed";
    public static final String RECORDING_STARTED = "recording_started";
    public static final String RECORDING_FINISHED = "recording_finished";
    public static final String CONFBRIDGE_CREATED = "confbridge_created";
    public static final String CONFBRIDGE_JOINED = "confbridge_joined";
    public static final String CONFBRIDGE_LEFT = "confbridge_left";
    public static final String CONFBRIDGE_RECORD_STARTED = "confbridge_record_started";
    public static final String CONFBRIDGE_DELETED = "confbridge_deleted";
    public static final String NUMBER_CREATED = "number_created";
    public static final String NUMBER_UPDATED = "number_updated";
    public static final String NUMBER_DELETED = "number_deleted";

    private CallManagerEvents() {
    }
}
