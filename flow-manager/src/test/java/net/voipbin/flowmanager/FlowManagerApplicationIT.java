package net.voipbin.flowmanager;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.voipbin.testsupport.ServiceChecks;

/** The packaged application starts healthy, migrates its schema and declares its request queue. */
class FlowManagerApplicationIT {

    @Test
    void startsHealthyWithItsSchemaAndRequestQueue() {
        // The shared fleet is flow-manager as it runs (plus a fake call-manager): no second Spring start.
        FleetHarness fleet = FleetHarness.shared();
        int port = Integer.parseInt(fleet.flowManager.getEnvironment().getRequiredProperty("local.server.port"));

        ServiceChecks.assertHealthy(port, "db", "rabbit");
        assertThat(ServiceChecks.schemaMigrated(fleet.schema)).as("schema %s migrated", fleet.schema).isTrue();
        assertThat(ServiceChecks.queueExists(fleet.namespace + "bin-manager.flow-manager.request")).isTrue();
    }
}
