package net.voipbin.local.daemon;

/** Where one part of local mode is: as {@code ./voipbin status} prints it. */
public enum ComponentState {
    STARTING, HEALTHY, UNHEALTHY, FAILED, STOPPING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
