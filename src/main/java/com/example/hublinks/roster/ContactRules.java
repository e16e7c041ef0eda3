package com.example.hublinks.roster;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/** Email syntax and phone normalisation to E.164 (libphonenumber, with the job's default region). */
public final class ContactRules {

    // Deliberately plain: one @, no spaces, a dot in the domain. Mail servers judge the rest.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"(),:;<>\\[\\]\\\\]+@[^@\\s\"(),:;<>\\[\\]\\\\]+\\.[^@\\s.\"(),:;<>\\[\\]\\\\]{2,}");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private static final String LIBPHONENUMBER = libraryVersion();

    private final String defaultRegion;

    public ContactRules(String defaultRegion) {
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
    }

    /** What the outcome of these rules depends on besides a row: the default region and libphonenumber's version (its metadata). */
    public String rulesKey() {
        return "region=" + defaultRegion + ";libphonenumber=" + LIBPHONENUMBER;
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

    private static String libraryVersion() {
        Properties pom = new Properties();
        try (InputStream in = PhoneNumberUtil.class.getResourceAsStream(
                "/META-INF/maven/com.googlecode.libphonenumber/libphonenumber/pom.properties")) {
            if (in != null) {
                pom.load(in);
            }
        } catch (IOException e) {
            // unknown: the rules key still changes with the region
        }
        return pom.getProperty("version", "unknown");
    }
}
