package com.example.hublinks.campaign;

import com.example.hublinks.HublinksProperties.Audience;
import com.example.hublinks.link.IssuedLink;
import com.example.hublinks.link.LinkKind;
import com.example.hublinks.link.LinkRepository;
import com.example.hublinks.roster.RosterRepository;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads tonight's campaign audience: live links joined with tonight's roster, in a stable order
 * (the primary key of learner_link, unique, so a restart that skips the rows already exported
 * resumes exactly where it stopped). One streamed query: a paging reader over this join makes H2
 * sort every remaining row for each page.
 * {@code all}: every live link; {@code new}: links first issued tonight; {@code changed}: links
 * new or changed tonight.
 */
public final class CampaignReader {

    private CampaignReader() {
    }

    public static JdbcCursorItemReader<CampaignRow> build(DataSource dataSource, String job, long instanceId,
                                                          LocalDate runDate, Audience audience, int fetchSize) {
        return build("campaignReader", dataSource, job, instanceId, runDate, audience, fetchSize);
    }

    /** The same audience under another reader name (its restart state is keyed by the name). */
    public static JdbcCursorItemReader<CampaignRow> build(String name, DataSource dataSource, String job,
                                                          long instanceId, LocalDate runDate, Audience audience,
                                                          int fetchSize) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(Date.valueOf(runDate)); // for the state as of tonight
        arguments.addAll(audienceArguments(job, instanceId, runDate, audience));
        return new JdbcCursorItemReaderBuilder<CampaignRow>()
                .name(name)
                .dataSource(dataSource)
                .sql("select l.external_user_id, l.kind, l.target_id, l.url, " + LinkRepository.stateTonight("l")
                        + " as state, r.line_no, r.first_name, r.last_name, r.email, r.phone, r.team_ids, r.locale "
                        + audience(audience) + " order by l.job_name, l.external_user_id, l.kind, l.target_id")
                .queryArguments(arguments)
                .fetchSize(fetchSize)
                .connectionAutoCommit(false) // PostgreSQL streams a result only outside auto-commit
                .rowMapper((rs, i) -> new CampaignRow(RosterRepository.learner(rs),
                        new IssuedLink(LinkKind.fromSettingName(rs.getString("kind")), rs.getString("target_id"),
                                rs.getString("url")), rs.getString("state")))
                .build();
    }

    /**
     * How many rows the reader will read: the total behind the export's progress log. Counted on
     * learner_link alone: once leavers are marked removed every live link is a learner's of
     * tonight's roster, and the join with the roster would cost as much as the export's own read.
     */
    public static long count(JdbcTemplate jdbc, String job, LocalDate runDate, Audience audience) {
        return jdbc.queryForObject("select count(*) from learner_link l where l.job_name = ? and " + states(audience),
                Long.class, linkArguments(job, runDate, audience).toArray());
    }

    private static String audience(Audience audience) {
        return "from learner_link l join roster_learner r on r.job_instance_id = ?"
                + " and r.external_user_id = l.external_user_id where l.job_name = ? and " + states(audience);
    }

    private static String states(Audience audience) {
        return switch (audience) {
            case ALL -> "l.state <> 'removed'";
            case NEW -> "l.state = 'new' and l.last_changed = ?";
            case CHANGED -> "l.state in ('new', 'changed') and l.last_changed = ?";
        };
    }

    private static List<Object> audienceArguments(String job, long instanceId, LocalDate runDate, Audience audience) {
        List<Object> arguments = new ArrayList<>(List.of(instanceId));
        arguments.addAll(linkArguments(job, runDate, audience));
        return arguments;
    }

    /** The parameters of {@code l.job_name = ? and} {@link #states}. */
    private static List<Object> linkArguments(String job, LocalDate runDate, Audience audience) {
        return audience == Audience.ALL ? List.of(job) : List.of(job, Date.valueOf(runDate));
    }
}
