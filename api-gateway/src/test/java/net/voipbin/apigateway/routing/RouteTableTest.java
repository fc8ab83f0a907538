package net.voipbin.apigateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final ServiceEndpoints services = ServiceEndpoints.read();

    @Test
    void theServicesControllersAreReadFromTheirCode() {
        assertThat(services.endpoints()).extracting(ServiceEndpoints.Endpoint::service)
                .contains("call-manager", "flow-manager", "campaign-manager", "outdial-manager", "queue-manager",
                        "agent-manager", "conference-manager", "webhook-manager");
        assertThat(services.endpoints()).contains(
                new ServiceEndpoints.Endpoint("call-manager", "POST", "/v1.0/calls/{id}/hangup"),
                new ServiceEndpoints.Endpoint("campaign-manager", "GET", "/v1.0/campaigncalls/{id}"),
                new ServiceEndpoints.Endpoint("outdial-manager", "POST", "/v1.0/outdials/{outdialId}/targets"));
    }

    @Test
    void everyPathAServiceServesIsRoutedToThatService() {
        for (ServiceEndpoints.Endpoint endpoint : services.endpoints()) {
            assertThat(RouteTable.ownerOf(endpoint.path())).as("the owner of %s %s", endpoint.method(), endpoint.path())
                    .contains(endpoint.service());
        }
    }

    @Test
    void theTableRoutesNoResourceThatNoServiceServes() {
        Set<String> served = new TreeSet<>();
        services.endpoints().forEach(endpoint -> served.add(endpoint.path().split("/")[2]));
        assertThat(RouteTable.owners().keySet()).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void aPathOutsideThePublicApiHasNoOwner() {
        assertThat(RouteTable.ownerOf("/v1.0/callsx")).isEmpty();
        assertThat(RouteTable.ownerOf("/v1/calls")).isEmpty();
        assertThat(RouteTable.ownerOf("/v1.0/events")).isEmpty();
        assertThat(RouteTable.ownerOf("/v1.0/calls")).contains("call-manager");
    }
}
