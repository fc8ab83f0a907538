package net.voipbin.contract.pipecatmanager;

/** Event types pipecat-manager publishes on {@code bin-manager.event} (routing key {@code pipecat-manager.<type>}). */
public final class PipecatManagerEvents {

    /** A session was created and its call's audio requested; data is the {@link Pipecatcall}. */
    public static final String PIPECATCALL_STARTED = "pipecatcall_started";
    /** A session ended (hangup, DELETE, runner gone, end_call, error); data is the {@link Pipecatcall}. */
    public static final String PIPECATCALL_ENDED = "pipecatcall_ended";
    /** The runner called a tool and got its one result; data is the {@link PipecatcallToolCall}. */
    public static final String PIPECATCALL_TOOL_CALLED = "pipecatcall_tool_called";

    private PipecatManagerEvents() {
    }
}
