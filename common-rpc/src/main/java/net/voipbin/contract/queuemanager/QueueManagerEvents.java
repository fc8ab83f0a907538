package net.voipbin.contract.queuemanager;

/**
 * queue-manager's event types (routing key {@code queue-manager.<type>}): {@code queue_*} carry the {@link Queue},
 * {@code queuecall_*} the {@link Queuecall} after the change (with {@code queue_id} and {@code tm_end}).
 * flow-manager resumes its {@code queue_join} on the four final ones: {@code queuecall_done},
 * {@code queuecall_abandoned}, {@code queuecall_timeout} and {@code queuecall_kicked}.
 */
public final class QueueManagerEvents {

    public static final String PUBLISHER = "queue-manager";

    public static final String QUEUE_CREATED = "queue_created";
    public static final String QUEUE_UPDATED = "queue_updated";
    public static final String QUEUE_DELETED = "queue_deleted";

    public static final String QUEUECALL_CREATED = "queuecall_created";
    public static final String QUEUECALL_WAITING = "queuecall_waiting";
    public static final String QUEUECALL_OFFERING = "queuecall_offering";
    public static final String QUEUECALL_CONNECTED = "queuecall_connected";
    public static final String QUEUECALL_DONE = "queuecall_done";
    public static final String QUEUECALL_ABANDONED = "queuecall_abandoned";
    public static final String QUEUECALL_TIMEOUT = "queuecall_timeout";
    /** The customer took the caller out of the line; the caller's flow goes on after {@code queue_join}. */
    public static final String QUEUECALL_KICKED = "queuecall_kicked";

    private QueueManagerEvents() {
    }
}
