package net.voipbin.queuemanager.queuecall;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a transaction decided to do to the outside world (hang up, release, bridge, dispatch), done after its
 * commit: a remote call never runs for a change that rolled back, and one failing never undoes the change.
 */
final class Effects {

    private static final Logger log = LoggerFactory.getLogger(Effects.class);

    private final List<Runnable> actions = new ArrayList<>();

    Effects then(Runnable action) {
        actions.add(action);
        return this;
    }

    void run() {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("after-commit action failed: {}", e.toString());
            }
        }
    }

    static Effects none() {
        return new Effects();
    }
}
