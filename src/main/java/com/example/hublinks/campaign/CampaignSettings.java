package com.example.hublinks.campaign;

import com.example.hublinks.support.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code hublinks.campaign.*}: who is in tonight's exports, the output folder, and the email, SMS and in-app channels. */
public record CampaignSettings(@DefaultValue("changed") Audience audience, @DefaultValue("out") Path outDir,
                               @DefaultValue Email email, @DefaultValue Sms sms, @DefaultValue Inapp inapp) {

    public enum Audience { ALL, NEW, CHANGED }

    /** Whether a learner needs an email address or a phone number to be usable: the email or SMS export is on. */
    public boolean contactNeeded() {
        return email.enabled() || sms.enabled();
    }

    /**
     * email.csv and, with {@code send: true}, delivery over SMTP ({@code spring.mail.*}). The
     * subject and the two templates are Mustache ({@code {{first_name}}}, {@code {{link}}}…);
     * without a template path the built-in ones under {@code templates/} are used.
     */
    public record Email(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean send,
                        @DefaultValue("learning@example.com") String from,
                        @DefaultValue("Your eduMe training link") String subject,
                        @DefaultValue("false") boolean excelBom,
                        Path htmlTemplate, Path textTemplate,
                        @DefaultValue("10") double ratePerSecond,
                        @DefaultValue("3") int maxAttempts,
                        @DefaultValue("2s") Duration retryBackoff) {
        public Email {
            if (!(ratePerSecond > 0)) {
                throw new SettingsException("hublinks.campaign.email.rate-per-second", "must be more than 0, was " + ratePerSecond);
            }
            if (maxAttempts < 1) {
                throw new SettingsException("hublinks.campaign.email.max-attempts", "must be 1 or more, was " + maxAttempts);
            }
            if (retryBackoff.isNegative()) {
                throw new SettingsException("hublinks.campaign.email.retry-backoff", "must not be negative, was " + retryBackoff);
            }
            for (Path template : new Path[] {htmlTemplate, textTemplate}) {
                if (template != null && !Files.isRegularFile(template)) {
                    throw new SettingsException(template == htmlTemplate ? "hublinks.campaign.email.html-template"
                            : "hublinks.campaign.email.text-template", "template file " + template + " does not exist");
                }
            }
        }
    }

    public record Sms(@DefaultValue("true") boolean enabled,
                      @DefaultValue("Hi {first_name}, your training: {link}") String message) {
    }

    public record Inapp(@DefaultValue("true") boolean enabled) {
    }
}
