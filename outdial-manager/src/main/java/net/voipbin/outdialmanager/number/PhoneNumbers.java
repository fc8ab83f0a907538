package net.voipbin.outdialmanager.number;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import net.voipbin.rpc.error.ApiException;

/**
 * Numbers as libphonenumber sees them: every destination is stored in E.164, and one that is not a
 * valid number is refused with the reason in words. A number without a country code needs the
 * import's region (ISO 3166 code such as {@code US}).
 */
@Component
public class PhoneNumbers {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final PhoneNumberToTimeZonesMapper zones = PhoneNumberToTimeZonesMapper.getInstance();

    /** The region in upper case, or 400 naming {@code region}; null stays null (numbers must carry +). */
    public String region(String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        String upper = region.trim().toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(upper)) {
            throw ApiException.invalidField("region", "not a region code libphonenumber knows (e.g. US, GB, KR): " + region);
        }
        return upper;
    }

    /** The E.164 form of {@code raw}; an {@link IllegalArgumentException} says why it is refused. */
    public String e164(String raw, String region) {
        return util.format(parse(raw, region), PhoneNumberFormat.E164);
    }

    /**
     * The IANA time zone libphonenumber places an E.164 number in: its first one when the prefix spans
     * several (a country or area code across zones), null when unknown.
     */
    public String timeZone(String e164) {
        PhoneNumber number;
        try {
            // Already checked when it became E.164: parsing is enough.
            number = util.parse(e164, "ZZ");
        } catch (NumberParseException e) {
            throw new IllegalArgumentException(parseReason(e164, e, null));
        }
        List<String> found = zones.getTimeZonesForNumber(number);
        return found.stream().filter(zone -> !zone.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone()))
                .filter(PhoneNumbers::knownToJava).findFirst().orElse(null);
    }

    private PhoneNumber parse(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        PhoneNumber number;
        try {
            number = util.parse(raw.trim(), region == null ? "ZZ" : region);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException(parseReason(raw, e, region));
        }
        if (!util.isValidNumber(number)) {
            throw new IllegalArgumentException(invalidReason(raw, number));
        }
        return number;
    }

    private static String parseReason(String raw, NumberParseException e, String region) {
        return "'" + raw + "' " + switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE -> region == null
                    ? "has no known country code (write it as +<country code><number>, or give the import a region)"
                    : "has an unknown country code";
            case NOT_A_NUMBER -> "is not a phone number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "is too short";
            case TOO_LONG -> "is too long";
        };
    }

    private String invalidReason(String raw, PhoneNumber number) {
        String where = util.getRegionCodeForCountryCode(number.getCountryCode());
        String in = "ZZ".equals(where) ? " (country code +" + number.getCountryCode() + ")" : " for " + where;
        ValidationResult possible = util.isPossibleNumberWithReason(number);
        return "'" + raw + "' " + switch (possible) {
            case TOO_SHORT -> "is too short" + in;
            case TOO_LONG -> "is too long" + in;
            case INVALID_LENGTH -> "has a length no number has" + in;
            case INVALID_COUNTRY_CODE -> "has an unknown country code +" + number.getCountryCode();
            default -> "is not a valid number" + in + " (no such area or range)";
        };
    }

    private static boolean knownToJava(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
