package net.voipbin.contract.outdialmanager;

/** outdial-manager's event types (routing key {@code outdial-manager.<type>}). */
public final class OutdialManagerEvents {

    public static final String PUBLISHER = "outdial-manager";

    public static final String OUTDIAL_CREATED = "outdial_created";
    public static final String OUTDIAL_UPDATED = "outdial_updated";
    public static final String OUTDIAL_DELETED = "outdial_deleted";
    public static final String OUTDIALTARGET_CREATED = "outdialtarget_created";
    public static final String OUTDIALTARGET_UPDATED = "outdialtarget_updated";
    public static final String OUTDIALTARGET_DELETED = "outdialtarget_deleted";
    /** A bulk import, one event for all its targets ({@link OutdialTargetsImported}). */
    public static final String OUTDIALTARGETS_IMPORTED = "outdialtargets_imported";

    private OutdialManagerEvents() {
    }
}
