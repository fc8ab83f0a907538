package net.voipbin.callmanager.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.CallRequests.Transfer.TransferType;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.json.Json;
import tools.jackson.databind.json.JsonMapper;

/** Both body shapes of the transfer route: an address object, or pipecat-manager's plain string. */
class TransferRequestTest {

    private final JsonMapper json = Json.newMapper();

    private TransferRequest parse(String body) {
        return json.readValue(body, TransferRequest.class);
    }

    @Test
    void anAddressObjectAndAPlainStringBothWork() {
        TransferRequest object = parse("{\"type\":\"attended\",\"destination\":{\"type\":\"tel\",\"target\":\"+15550100\"}}");
        assertThat(object.transferType()).isEqualTo(TransferType.ATTENDED);
        assertThat(object.address()).isEqualTo(Address.tel("+15550100"));

        assertThat(parse("{\"type\":\"blind\",\"destination\":\"+15550100\"}").address()).isEqualTo(Address.tel("+15550100"));
        assertThat(parse("{\"destination\":\"sip:alice@example.com\"}").address().type()).isEqualTo(Address.AddressType.SIP);
        assertThat(parse("{\"destination\":\"2001\"}").address().type()).isEqualTo(Address.AddressType.EXTENSION);
        assertThat(parse("{\"destination\":\"2001\"}").transferType()).isEqualTo(TransferType.BLIND);
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> parse("{\"type\":\"sideways\",\"destination\":\"2001\"}").transferType())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("type"));
        assertThatThrownBy(() -> parse("{\"type\":\"blind\"}").address())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("destination"));
        assertThatThrownBy(() -> parse("{\"destination\":{\"type\":\"fax\",\"target\":\"1\"}}").address())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("destination"));
    }
}
