package net.voipbin.contract.flowmanager;

/** flow-manager's event types (routing key {@code flow-manager.<type>}). */
public final class FlowManagerEvents {

    public static final String PUBLISHER = "flow-manager";

    public static final String ACTIVEFLOW_CREATED = "activeflow_created";
    public static final String ACTIVEFLOW_UPDATED = "activeflow_updated";
    public static final String ACTIVEFLOW_DELETED = "activeflow_deleted";
    public static final String FLOW_CREATED = "flow_created";
    public static final String FLOW_UPDATED = "flow_updated";
    public static final String FLOW_DELETED = "flow_deleted";

    private FlowManagerEvents() {
    }
}
