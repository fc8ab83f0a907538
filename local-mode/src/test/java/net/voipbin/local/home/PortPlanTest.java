package net.voipbin.local.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import net.voipbin.local.daemon.ServiceCatalog;

class PortPlanTest {

    @Test
    void theServicesKeepTheirDocumentedPortsAndEveryPortHasOneOwnerWithinTheBlock() {
        PortPlan plan = new PortPlan(8080);
        Map<Integer, String> owners = plan.owners(ServiceCatalog.services(), true, true);

        assertThat(owners).containsEntry(8081, "call-manager").containsEntry(8090, "pipecat-manager").containsEntry(8095, "api-gateway")
                .containsEntry(8088, "asterisk-sim").containsEntry(8093, "postgresql").containsEntry(8092, "amqp-broker");
        assertThat(owners).hasSize(ServiceCatalog.services().size() + 5);
        assertThat(owners.keySet()).allMatch(port -> port >= 8080 && port < 8080 + PortPlan.SPAN);
        assertThat(new PortPlan(20000).owners(ServiceCatalog.services(), false, false))
                .doesNotContainValue("postgresql").doesNotContainValue("amqp-broker");
    }

    @Test
    void aBaseWithoutRoomIsRefusedAsAnEnvironmentSettingWithItsName() {
        assertThatThrownBy(() -> new PortPlan(80)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalSettings.from(Map.of("VOIPBIN_LOCAL_PORT_BASE", "65530")))
                .isInstanceOf(LocalModeException.class).hasMessageContaining("VOIPBIN_LOCAL_PORT_BASE=65530");
        assertThatThrownBy(() -> LocalSettings.from(Map.of("VOIPBIN_LOCAL_PORT_BASE", "eighty")))
                .hasMessageContaining("VOIPBIN_LOCAL_PORT_BASE=eighty");
    }
}
