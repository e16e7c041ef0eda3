package com.example.hublinks.campaign;

import com.example.hublinks.link.IssuedLink;
import com.example.hublinks.link.LinkKind;
import com.example.hublinks.roster.Learner;
import com.example.hublinks.support.SettingsException;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaign email's subject, text and HTML bodies as Mustache templates, filled per learner
 * with {@code first_name}, {@code last_name}, {@code link}, {@code external_user_id},
 * {@code email}, {@code kind} and {@code target_id}. The HTML body escapes what it fills in; the
 * subject and text do not. A job definition points at its own files with
 * {@code campaign.email.html-template} / {@code text-template}; otherwise the built-in
 * {@code templates/email.*.mustache} are used. Templates are tried on a sample learner when
 * loaded, so a misspelt placeholder stops the start with the setting's name, not mid-campaign.
 * The reminders' emails use the same machinery with their own settings and placeholders.
 */
public class EmailTemplates {

    private static final String CAMPAIGN_KEYS = "hublinks.campaign.email.";
    private static final String CAMPAIGN_PLACEHOLDERS = "first_name, last_name, link, external_user_id, email, kind, target_id";

    private final Template subject;
    private final Template text;
    private final Template html;

    public EmailTemplates(CampaignSettings.Email email) {
        this(CAMPAIGN_KEYS, email.subject(), email.textTemplate(), email.htmlTemplate(), "templates/email",
                model(new CampaignRow(new Learner("sample", "Sam", "Sample", "sam@example.com", null, List.of(1L), null, 2),
                        new IssuedLink(LinkKind.DASHBOARD, "", "https://learn.edume.com/e/d/?g=1&e=sample&sig=0"), "new")),
                CAMPAIGN_PLACEHOLDERS);
    }

    /**
     * Another email's templates (the reminders'), tried on {@code sample} at once.
     *
     * @param keys    the settings' prefix ({@code hublinks.reminders.email.}), for the message naming a bad one
     * @param builtIn the built-in templates without their {@code .html.mustache} / {@code .txt.mustache} ending
     * @param known   the placeholders the templates may use, for that message
     */
    public EmailTemplates(String keys, String subject, Path textTemplate, Path htmlTemplate, String builtIn,
                          Map<String, Object> sample, String known) {
        Mustache.Compiler plain = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true);
        // HTML-escapes only what HTML needs (JMustache's default also turns every '=' of a link into &#x3D;)
        Mustache.Compiler escaping = Mustache.compiler().withEscaper(Escapers.simple(new String[][] {
                {"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}})).emptyStringIsFalse(true);
        this.subject = compile(plain, subject, keys + "subject");
        this.text = compile(plain, load(textTemplate, builtIn + ".txt.mustache"), keys + "text-template");
        this.html = compile(escaping, load(htmlTemplate, builtIn + ".html.mustache"), keys + "html-template");
        tryOn(this.subject, sample, keys + "subject", known);
        tryOn(text, sample, keys + "text-template", known);
        tryOn(html, sample, keys + "html-template", known);
    }

    public RenderedEmail render(CampaignRow row) {
        return render(row.learner().email(), model(row));
    }

    /** The email to {@code to} with the placeholders' values in {@code model}. */
    public RenderedEmail render(String to, Map<String, Object> model) {
        // a subject is one line: a line break in a name must not start a new header
        return new RenderedEmail(to, subject.execute(model).replaceAll("[\\r\\n]+", " ").strip(),
                text.execute(model), html.execute(model));
    }

    /** The campaign's placeholders for one learner and link. */
    private static Map<String, Object> model(CampaignRow row) {
        Map<String, Object> model = new HashMap<>();
        model.put("first_name", nullToEmpty(row.learner().firstName()));
        model.put("last_name", nullToEmpty(row.learner().lastName()));
        model.put("email", nullToEmpty(row.learner().email()));
        model.put("external_user_id", row.learner().externalUserId());
        model.put("link", row.link().url());
        model.put("kind", row.link().kind().settingName());
        model.put("target_id", nullToEmpty(row.link().targetId()));
        return model;
    }

    private static Template compile(Mustache.Compiler compiler, String source, String key) {
        try {
            return compiler.compile(source);
        } catch (MustacheException e) {
            throw new SettingsException(key, "not a valid Mustache template: " + e.getMessage());
        }
    }

    private static void tryOn(Template template, Map<String, Object> sample, String key, String known) {
        try {
            template.execute(sample);
        } catch (MustacheException e) {
            throw new SettingsException(key, e.getMessage() + " (known placeholders: " + known + ")");
        }
    }

    private static String load(Path file, String builtIn) {
        try {
            if (file != null) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            try (InputStream in = EmailTemplates.class.getClassLoader().getResourceAsStream(builtIn)) {
                if (in == null) {
                    throw new IllegalStateException("built-in template " + builtIn + " is missing from the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + (file != null ? file : builtIn), e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
