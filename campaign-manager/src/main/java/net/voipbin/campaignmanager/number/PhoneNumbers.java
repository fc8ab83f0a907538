package net.voipbin.campaignmanager.number;

import org.springframework.stereotype.Component;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import net.voipbin.rpc.error.ApiException;

/**
 * Numbers in E.164, as outdial-manager stores the destinations: a do-not-call entry matches a target
 * only if both are written the same way. A number must carry its country code (+...).
 */
@Component
public class PhoneNumbers {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    /** The E.164 form of {@code raw}, or 400 naming {@code field} with the reason. */
    public String e164(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.invalidField(field, "is empty");
        }
        PhoneNumber number;
        try {
            number = util.parse(raw.trim(), "ZZ");
        } catch (NumberParseException e) {
            throw ApiException.invalidField(field, "'" + raw + "' is not a phone number (" + e.getMessage()
                    + "); write it as +<country code><number>");
        }
        if (!util.isValidNumber(number)) {
            throw ApiException.invalidField(field, "'" + raw + "' is not a valid number (no such country, area or length)");
        }
        return util.format(number, PhoneNumberFormat.E164);
    }
}
