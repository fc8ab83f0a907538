package net.voipbin.local.status;

import java.io.PrintStream;

/** The table {@code start} and {@code status} print: component, URL, state. */
public final class StatusTable {

    private StatusTable() {
    }

    public static void print(StatusReport report, PrintStream out) {
        int name = "component".length();
        int url = "url".length();
        for (StatusReport.Component c : report.components()) {
            name = Math.max(name, c.name().length());
            url = Math.max(url, c.url().length());
        }
        String format = "%-" + name + "s  %-" + url + "s  %s%n";
        out.printf(format, "component", "url", "state");
        for (StatusReport.Component c : report.components()) {
            String state = c.state().label() + (c.detail() == null || c.detail().isBlank() ? "" : " (" + c.detail() + ")");
            out.printf(format, c.name(), c.url(), state);
        }
    }
}
