package com.example.hublinks.campaign;

import com.example.hublinks.HublinksProperties;
import com.example.hublinks.SettingsException;
import com.example.hublinks.link.IssuedLink;
import com.example.hublinks.link.LinkKind;
import com.example.hublinks.roster.Learner;
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
 */
public class EmailTemplates {

    private static final String HTML_KEY = "hublinks.campaign.email.html-template";
    private static final String TEXT_KEY = "hublinks.campaign.email.text-template";
    private static final String SUBJECT_KEY = "hublinks.campaign.email.subject";

    private final Template subject;
    private final Template text;
    private final Template html;

    public EmailTemplates(HublinksProperties.Email email) {
        Mustache.Compiler plain = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true);
        // HTML-escapes only what HTML needs (JMustache's default also turns every '=' of a link into &#x3D;)
        Mustache.Compiler escaping = Mustache.compiler().withEscaper(Escapers.simple(new String[][] {
                {"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}})).emptyStringIsFalse(true);
        this.subject = compile(plain, email.subject(), SUBJECT_KEY);
        this.text = compile(plain, load(email.textTemplate(), "templates/email.txt.mustache"), TEXT_KEY);
        this.html = compile(escaping, load(email.htmlTemplate(), "templates/email.html.mustache"), HTML_KEY);
        CampaignRow sample = new CampaignRow(new Learner("sample", "Sam", "Sample", "sam@example.com", null, List.of(1L),
                null, 2), new IssuedLink(LinkKind.DASHBOARD, "", "https://learn.edume.com/e/d/?g=1&e=sample&sig=0"), "new");
        tryOn(subject, sample, SUBJECT_KEY);
        tryOn(text, sample, TEXT_KEY);
        tryOn(html, sample, HTML_KEY);
    }

    public RenderedEmail render(CampaignRow row) {
        Map<String, Object> model = model(row);
        // a subject is one line: a line break in a name must not start a new header
        return new RenderedEmail(row.learner().email(), subject.execute(model).replaceAll("[\\r\\n]+", " ").strip(),
                text.execute(model), html.execute(model));
    }

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

    private static void tryOn(Template template, CampaignRow sample, String key) {
        try {
            template.execute(model(sample));
        } catch (MustacheException e) {
            throw new SettingsException(key, e.getMessage() + " (known placeholders: first_name, last_name, link,"
                    + " external_user_id, email, kind, target_id)");
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
