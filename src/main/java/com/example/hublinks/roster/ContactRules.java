package com.example.hublinks.roster;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.regex.Pattern;

/** Email syntax and phone normalisation to E.164 (libphonenumber, with the job's default region). */
public final class ContactRules {

    // Deliberately plain: one @, no spaces, a dot in the domain. Mail servers judge the rest.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"(),:;<>\\[\\]\\\\]+@[^@\\s\"(),:;<>\\[\\]\\\\]+\\.[^@\\s.\"(),:;<>\\[\\]\\\\]{2,}");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    public ContactRules(String defaultRegion) {
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
    }

    /** Null when the address is usable, else why not. */
    public String emailProblem(String email) {
        if (email.length() > 254) {
            return "email is longer than 254 characters";
        }
        String shown = email.length() <= 60 ? email : email.substring(0, 60) + "…";
        return EMAIL.matcher(email).matches() ? null : "email '" + shown + "' is not a valid address";
    }

    /** The number in E.164 ({@code +447700900123}), or null when it is not a valid phone number. */
    public String toE164(String phone) {
        try {
            PhoneNumber number = PHONES.parse(phone, defaultRegion);
            return PHONES.isValidNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
