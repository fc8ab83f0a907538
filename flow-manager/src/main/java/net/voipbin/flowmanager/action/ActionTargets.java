package net.voipbin.flowmanager.action;

import java.util.Map;

/** An option that names other actions of the flow: option field → action id, checked at create. */
public interface ActionTargets {

    Map<String, String> targets();
}
