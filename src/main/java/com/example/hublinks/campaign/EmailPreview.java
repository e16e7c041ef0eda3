package com.example.hublinks.campaign;

import com.example.hublinks.HublinksProperties;
import com.example.hublinks.SettingsException;
import com.example.hublinks.link.IssuedLink;
import com.example.hublinks.link.LinkKind;
import com.example.hublinks.roster.RosterRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code hublinks preview}: one learner's campaign email, rendered with the job's templates from
 * their live links and the last roster the job read, written as HTML and text files (owner-only:
 * they hold the learner's real link) so that comms can check a campaign before the night.
 */
@Component
public class EmailPreview {

    private final JdbcTemplate jdbc;
    private final HublinksProperties settings;

    public EmailPreview(JdbcTemplate jdbc, HublinksProperties settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** One rendered email and the files it was written to. */
    public record Preview(RenderedEmail email, Path html, Path text) {
    }

    public List<Preview> write(String externalUserId, Path dir) {
        List<CampaignRow> rows = jdbc.query("select l.kind, l.target_id, l.url, l.state, r.external_user_id, r.line_no,"
                        + " r.first_name, r.last_name, r.email, r.phone, r.team_ids, r.locale"
                        + " from learner_link l join roster_learner r on r.external_user_id = l.external_user_id"
                        + " where l.job_name = ? and l.external_user_id = ? and l.state <> 'removed'"
                        + " and r.job_instance_id = (select max(job_instance_id) from roster_learner where external_user_id = ?)"
                        + " order by l.kind, l.target_id",
                (rs, i) -> new CampaignRow(RosterRepository.learner(rs), new IssuedLink(
                        LinkKind.fromSettingName(rs.getString("kind")), rs.getString("target_id"), rs.getString("url")),
                        rs.getString("state")), settings.job().name(), externalUserId, externalUserId);
        if (rows.isEmpty()) {
            throw new SettingsException("--user", "'" + externalUserId + "' has no live link in job "
                    + settings.job().name() + ": run a night first (hublinks run), or check the id in the roster");
        }
        EmailTemplates templates = new EmailTemplates(settings.campaign().email());
        OutputDirectory out = new OutputDirectory(dir).create();
        String base = externalUserId.replaceAll("[^A-Za-z0-9._-]", "_");
        List<Preview> previews = new ArrayList<>();
        for (CampaignRow row : rows) {
            String name = rows.size() == 1 ? base : base + "-" + row.link().kind().settingName()
                    + (row.link().targetId().isEmpty() ? "" : "-" + row.link().targetId());
            RenderedEmail email = templates.render(row);
            out.write(name + ".html", email.html());
            out.write(name + ".txt", email.text());
            previews.add(new Preview(email, out.file(name + ".html"), out.file(name + ".txt")));
        }
        return previews;
    }
}
