package com.example.hublinks.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.TestReaders;
import com.example.hublinks.campaign.CampaignSettings.Audience;
import com.example.hublinks.link.LinkRepository;
import com.example.hublinks.roster.NightDelta;
import com.example.hublinks.support.KeyLookup;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Who tonight's campaign reaches, for each {@code campaign.audience}, read by the real reader
 * from the real schema (H2, Flyway migrations): {@code all} from the stored learners, {@code new}
 * and {@code changed} from tonight's delta.
 */
class CampaignAudienceTest {

    static final LocalDate NIGHT = LocalDate.of(2026, 3, 2);
    static final long INSTANCE = 7;
    static DriverManagerDataSource db;

    @BeforeAll
    static void linksInEveryState() {
        db = new DriverManagerDataSource("jdbc:h2:mem:campaign-audience-test;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        link(jdbc, "A-new-tonight", "new", NIGHT);
        link(jdbc, "B-changed-tonight", "changed", NIGHT);
        link(jdbc, "C-unchanged", "unchanged", NIGHT.minusDays(3));
        link(jdbc, "D-removed", "removed", NIGHT.minusDays(3));
        link(jdbc, "E-new-last-week", "new", NIGHT.minusDays(7));
        link(jdbc, "F-not-on-tonights-roster", "unchanged", NIGHT.minusDays(3));
        // the stored learners: F's link is live but F is no learner of the job any more, D left
        for (String user : List.of("A-new-tonight", "B-changed-tonight", "C-unchanged", "D-removed", "E-new-last-week")) {
            jdbc.update("insert into learner (job_name, external_user_id, line_no, first_name, email, team_ids,"
                    + " first_seen, last_changed, removed_on) values ('night-job', ?, 2, 'Sam', 'sam@example.com', '5',"
                    + " ?, ?, ?)", user, java.sql.Date.valueOf(NIGHT.minusDays(30)), java.sql.Date.valueOf(NIGHT),
                    user.startsWith("D") ? java.sql.Date.valueOf(NIGHT.minusDays(3)) : null);
        }
        // tonight's delta: the learners staged tonight (C's email changed, its link did not)
        new NightDelta(jdbc).create(INSTANCE);
        for (String user : List.of("A-new-tonight", "B-changed-tonight", "C-unchanged")) {
            jdbc.update("insert into " + NightDelta.table(INSTANCE) + " (external_user_id, leaver, line_no, first_name,"
                    + " email, team_ids, fingerprint) values (?, false, 2, 'Sam', 'sam@example.com', '5', 0)", user);
        }
        link(jdbc, "A-new-tonight", "new", NIGHT, "other-job"); // another job's links are never in this campaign
    }

    @Test
    void allIsEveryLiveLinkOfTonightsRoster() throws Exception {
        assertThat(audience(Audience.ALL)).containsExactly("A-new-tonight", "B-changed-tonight", "C-unchanged",
                "E-new-last-week");
    }

    @Test
    void newIsLinksFirstIssuedTonight() throws Exception {
        assertThat(audience(Audience.NEW)).containsExactly("A-new-tonight");
    }

    @Test
    void changedIsNewAndChangedTonight() throws Exception {
        assertThat(audience(Audience.CHANGED)).containsExactly("A-new-tonight", "B-changed-tonight");
    }

    private static List<String> audience(Audience audience) throws Exception {
        return TestReaders.readAll(new CampaignReader("campaignReader", db, new LinkRepository(new JdbcTemplate(db)),
                        "night-job", INSTANCE, NIGHT, audience, KeyLookup.PER_ID)).stream()
                .map(row -> row.learner().externalUserId()).toList();
    }

    private static void link(JdbcTemplate jdbc, String user, String state, LocalDate lastChanged) {
        link(jdbc, user, state, lastChanged, "night-job");
    }

    private static void link(JdbcTemplate jdbc, String user, String state, LocalDate lastChanged, String job) {
        jdbc.update("insert into learner_link (job_name, external_user_id, kind, target_id, url, state, first_issued,"
                        + " last_changed) values (?, ?, 'dashboard', '', ?, ?, ?, ?)", job, user,
                "https://learn.edume.com/e/d/?g=5&e=" + user + "&sig=00", state, java.sql.Date.valueOf(lastChanged.minusDays(30)),
                java.sql.Date.valueOf(lastChanged));
    }
}
