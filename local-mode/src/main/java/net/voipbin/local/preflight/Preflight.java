package net.voipbin.local.preflight;

import net.voipbin.local.daemon.EmbeddedDatabase;
import net.voipbin.local.daemon.ServiceCatalog;
import net.voipbin.local.home.LocalSettings;

/**
 * What {@code ./voipbin start} checks before it launches anything, so that a wrong setting is a
 * one-line answer instead of a component failing later: the state directory's layout, the PostgreSQL
 * data directory's version, every port, and the user's own servers when named.
 */
public final class Preflight {

    private Preflight() {
    }

    public static void check(LocalSettings settings) {
        settings.home().prepare();
        if (settings.externalDatabase().isEmpty()) {
            EmbeddedDatabase.refuseForeignDataDirectory(settings.home().pgData());
        }
        FreePorts.require(settings.ports().owners(ServiceCatalog.services(), settings.externalDatabase().isEmpty(),
                settings.externalAmqpUrl().isEmpty()), settings.ports().base());
        settings.externalDatabase().ifPresent(db -> Reachability.database(db.url(), db.user(), db.password()));
        settings.externalAmqpUrl().ifPresent(Reachability::broker);
    }
}
