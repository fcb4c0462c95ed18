package com.topup.carrier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToCarrierMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import com.topup.web.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Decides the carrier and region of a mobile number from libphonenumber and the given tables.
 *
 * <p>Carrier precedence: a portability override for the number, then the number-range row for its 7-digit
 * prefix, then libphonenumber's carrier data. Region: the range row when it names a province, otherwise
 * libphonenumber's geocoder. Numbers in virtual-operator ranges are refused unless an override or a range row
 * names their carrier. Stateless and thread-safe.
 */
public final class PhoneResolver {

    public static final String INVALID_PHONE = "INVALID_PHONE";
    public static final String UNSUPPORTED_CARRIER = "UNSUPPORTED_CARRIER";
    static final int MAX_INPUT_LENGTH = 32;

    private static final String CHINA = "CN";
    private static final int UNPROCESSABLE = 422;
    private static final Pattern ALLOWED_INPUT = Pattern.compile("\\+?[0-9][0-9 \\-]*");
    private static final Set<PhoneNumberType> FOREIGN_MOBILE_TYPES =
            Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);

    private final PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
    private final PhoneNumberToCarrierMapper carriers = PhoneNumberToCarrierMapper.getInstance();
    private final PhoneNumberOfflineGeocoder geocoder = PhoneNumberOfflineGeocoder.getInstance();
    private final List<String> virtualOperatorPrefixes;
    private final UnaryOperator<String> phoneHash;

    /**
     * @param virtualOperatorPrefixes leading digits of Chinese MVNO ranges (e.g. {@code 170})
     * @param phoneHash the function keying portability overrides, {@code PhoneCrypto::hash} in the application
     */
    public PhoneResolver(Set<String> virtualOperatorPrefixes, UnaryOperator<String> phoneHash) {
        this.virtualOperatorPrefixes = List.copyOf(virtualOperatorPrefixes);
        this.phoneHash = phoneHash;
    }

    /**
     * Resolves a raw phone number (national Chinese form or E.164, spaces and dashes allowed).
     *
     * @throws ApiException 422 {@code INVALID_PHONE} for anything but a valid mobile number, 422
     *         {@code UNSUPPORTED_CARRIER} for a mobile number none of the Chinese carriers serves
     */
    public PhoneLookup resolve(String rawPhone, LookupTables tables) {
        Parsed parsed = parse(rawPhone);
        MobileNumber mobile = parsed.mobile();
        if (!CHINA.equals(mobile.country())) {
            throw unsupportedCarrier(mobile.country());
        }
        NumberRange range = rangeFor(mobile.nationalNumber(), tables.rangesByPrefix());
        Carrier carrier = portedCarrier(mobile.e164(), tables.carrierByPhoneHash())
                .or(() -> Optional.ofNullable(range).map(NumberRange::carrier))
                .or(() -> libphonenumberCarrier(parsed))
                .orElseThrow(() -> unsupportedCarrier(mobile.country()));
        Region region = range != null && range.province() != null
                ? new Region(range.province(), range.city())
                : RegionNames.split(geocoder.getDescriptionForNumber(parsed.number(), Locale.SIMPLIFIED_CHINESE));
        return new PhoneLookup(mobile.e164(), mobile.nationalNumber(), mobile.country(), carrier, region.province(),
                region.city());
    }

    /**
     * Validates and normalises a raw phone number without deciding its carrier.
     *
     * @throws ApiException 422 {@code INVALID_PHONE} for anything but a valid mobile number
     */
    public MobileNumber parseMobile(String rawPhone) {
        return parse(rawPhone).mobile();
    }

    /** Loads libphonenumber's metadata, carrier and geocoder data for China now rather than on the first order. */
    public void warmUp() {
        resolve("+8613800138000", LookupTables.EMPTY);
    }

    private Parsed parse(String rawPhone) {
        if (rawPhone == null || rawPhone.length() > MAX_INPUT_LENGTH) {
            throw invalidPhone();
        }
        String trimmed = rawPhone.strip();
        if (!ALLOWED_INPUT.matcher(trimmed).matches()) {
            throw invalidPhone();
        }
        PhoneNumber number;
        try {
            number = numbers.parse(trimmed, CHINA);
        } catch (NumberParseException e) {
            throw invalidPhone();
        }
        if (!numbers.isValidNumber(number)) {
            throw invalidPhone();
        }
        String country = numbers.getRegionCodeForNumber(number);
        PhoneNumberType type = numbers.getNumberType(number);
        // China has no ambiguous FIXED_LINE_OR_MOBILE ranges; elsewhere that type is the usual answer for mobiles.
        boolean mobile = CHINA.equals(country) ? type == PhoneNumberType.MOBILE : FOREIGN_MOBILE_TYPES.contains(type);
        if (!mobile) {
            throw invalidPhone();
        }
        MobileNumber parsed = new MobileNumber(numbers.format(number, PhoneNumberFormat.E164),
                numbers.getNationalSignificantNumber(number), country);
        return new Parsed(number, parsed);
    }

    private Optional<Carrier> portedCarrier(String e164, Map<String, Carrier> carrierByPhoneHash) {
        if (carrierByPhoneHash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(carrierByPhoneHash.get(phoneHash.apply(e164)));
    }

    private static NumberRange rangeFor(String nationalNumber, Map<String, NumberRange> rangesByPrefix) {
        if (nationalNumber.length() < NumberRange.PREFIX_LENGTH) {
            return null;
        }
        return rangesByPrefix.get(nationalNumber.substring(0, NumberRange.PREFIX_LENGTH));
    }

    private Optional<Carrier> libphonenumberCarrier(Parsed parsed) {
        String national = parsed.mobile().nationalNumber();
        if (virtualOperatorPrefixes.stream().anyMatch(national::startsWith)) {
            return Optional.empty();
        }
        return Carrier.fromLibphonenumberName(carriers.getNameForNumber(parsed.number(), Locale.ENGLISH));
    }

    private static ApiException invalidPhone() {
        return new ApiException(UNPROCESSABLE, INVALID_PHONE, "phone must be a mobile number, national or E.164");
    }

    private static ApiException unsupportedCarrier(String country) {
        return new ApiException(UNPROCESSABLE, UNSUPPORTED_CARRIER, "no supported carrier serves this number",
                Map.of("country", country));
    }

    private record Parsed(PhoneNumber number, MobileNumber mobile) {
    }
}
