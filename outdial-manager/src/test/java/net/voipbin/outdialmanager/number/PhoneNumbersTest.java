package net.voipbin.outdialmanager.number;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import net.voipbin.rpc.error.ApiException;

class PhoneNumbersTest {

    private final PhoneNumbers numbers = new PhoneNumbers();

    @Test
    void numbersAreWrittenInE164HoweverTheCustomerFormattedThem() {
        assertThat(numbers.e164("+1 (650) 253-0000", null)).isEqualTo("+16502530000");
        assertThat(numbers.e164("(650) 253-0000", "US")).isEqualTo("+16502530000");
        assertThat(numbers.e164("020 7946 0958", "GB")).isEqualTo("+442079460958");
        assertThat(numbers.e164("+82 2-312-3456", null)).isEqualTo("+8223123456");
    }

    @Test
    void theTimeZoneComesFromTheNumber() {
        assertThat(numbers.timeZone("+16502530000")).isEqualTo("America/Los_Angeles");
        assertThat(numbers.timeZone("+12125550100")).isEqualTo("America/New_York");
        assertThat(numbers.timeZone("+442079460958")).isEqualTo("Europe/London");
        assertThat(numbers.timeZone("+8223123456")).isEqualTo("Asia/Seoul");
    }

    @Test
    void anInvalidNumberIsRefusedWithTheReasonInWords() {
        assertThatThrownBy(() -> numbers.e164("hello", null)).hasMessageContaining("is not a phone number");
        assertThatThrownBy(() -> numbers.e164("6502530000", null)).hasMessageContaining("country code");
        assertThatThrownBy(() -> numbers.e164("+1 650 253", null)).hasMessageContaining("too short");
        assertThatThrownBy(() -> numbers.e164("+1 650 253 0000 1234", null)).hasMessageContaining("too long");
        assertThatThrownBy(() -> numbers.e164("+1 111 253 0000", null)).hasMessageContaining("not a valid number for US");
        assertThatThrownBy(() -> numbers.e164(" ", null)).hasMessage("is empty");
    }

    @Test
    void aRegionMustBeOneLibphonenumberKnows() {
        assertThat(numbers.region("us")).isEqualTo("US");
        assertThat(numbers.region(null)).isNull();
        assertThatThrownBy(() -> numbers.region("XX")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).field()).isEqualTo("region");
    }
}
