package net.voipbin.contract.campaignmanager;

/** campaign-manager's event types (routing key {@code campaign-manager.<type>}). */
public final class CampaignManagerEvents {

    public static final String PUBLISHER = "campaign-manager";

    public static final String CAMPAIGN_CREATED = "campaign_created";
    public static final String CAMPAIGN_UPDATED = "campaign_updated";
    public static final String CAMPAIGN_DELETED = "campaign_deleted";
    public static final String CAMPAIGN_STATUS_RUN = "campaign_status_run";
    public static final String CAMPAIGN_STATUS_STOPPING = "campaign_status_stopping";
    public static final String CAMPAIGN_STATUS_STOP = "campaign_status_stop";
    public static final String CAMPAIGNCALL_CREATED = "campaigncall_created";
    public static final String CAMPAIGNCALL_UPDATED = "campaigncall_updated";
    public static final String OUTPLAN_CREATED = "outplan_created";
    public static final String OUTPLAN_UPDATED = "outplan_updated";
    public static final String OUTPLAN_DELETED = "outplan_deleted";

    private CampaignManagerEvents() {
    }
}
