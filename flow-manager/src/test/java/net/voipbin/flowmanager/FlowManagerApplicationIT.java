package net.voipbin.flowmanager;

import org.junit.jupiter.api.Test;

import net.voipbin.testsupport.ServiceChecks;

/** The packaged application starts healthy, migrates its schema and declares its request queue. */
class FlowManagerApplicationIT {

    @Test
    void startsHealthyWithItsSchemaAndRequestQueue() {
        // The shared fleet is flow-manager as it runs (plus a fake call-manager): no second Spring start.
        FleetHarness fleet = FleetHarness.shared();
        int port = Integer.parseInt(fleet.flowManager.getEnvironment().getRequiredProperty("local.server.port"));

        ServiceChecks.assertStarted(port, fleet.schema, fleet.topology().requestQueue("flow-manager"));
    }
}
