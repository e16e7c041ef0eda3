package com.example.hublinks.campaign;

import com.example.hublinks.HublinksProperties.Audience;
import com.example.hublinks.link.IssuedLink;
import com.example.hublinks.link.LinkKind;
import com.example.hublinks.roster.RosterRepository;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reads tonight's campaign audience: live links joined with tonight's roster, in a stable order
 * (user id, kind, target: a unique key, so a restart resumes exactly where it stopped).
 * {@code all}: every live link; {@code new}: links first issued tonight; {@code changed}: links
 * new or changed tonight.
 */
public final class CampaignReader {

    private CampaignReader() {
    }

    public static JdbcPagingItemReader<CampaignRow> build(DataSource dataSource, String job, long instanceId,
                                                          LocalDate runDate, Audience audience, int pageSize)
            throws Exception {
        return build("campaignReader", dataSource, job, instanceId, runDate, audience, pageSize);
    }

    /** The same audience under another reader name (its restart state is keyed by the name). */
    public static JdbcPagingItemReader<CampaignRow> build(String name, DataSource dataSource, String job, long instanceId,
                                                          LocalDate runDate, Audience audience, int pageSize)
            throws Exception {
        Map<String, Order> sortKeys = new LinkedHashMap<>();
        sortKeys.put("external_user_id", Order.ASCENDING);
        sortKeys.put("kind", Order.ASCENDING);
        sortKeys.put("target_id", Order.ASCENDING);
        return new JdbcPagingItemReaderBuilder<CampaignRow>()
                .name(name)
                .dataSource(dataSource)
                .selectClause("select *")
                .fromClause("from (select l.external_user_id, l.kind, l.target_id, l.url, l.state, r.line_no,"
                        + " r.first_name, r.last_name, r.email, r.phone, r.team_ids, r.locale " + audience(audience)
                        + ") audience")
                .sortKeys(sortKeys)
                .parameterValues(parameters(job, instanceId, runDate))
                .pageSize(pageSize)
                .rowMapper((rs, i) -> new CampaignRow(RosterRepository.learner(rs),
                        new IssuedLink(LinkKind.fromSettingName(rs.getString("kind")), rs.getString("target_id"),
                                rs.getString("url")), rs.getString("state")))
                .build();
    }

    /** How many rows the reader will read: the total behind the export's progress log. */
    public static long count(JdbcTemplate jdbc, String job, long instanceId, LocalDate runDate, Audience audience) {
        return new NamedParameterJdbcTemplate(jdbc).queryForObject("select count(*) " + audience(audience),
                parameters(job, instanceId, runDate), Long.class);
    }

    private static String audience(Audience audience) {
        String states = switch (audience) {
            case ALL -> "l.state <> 'removed'";
            case NEW -> "l.state = 'new' and l.last_changed = :night";
            case CHANGED -> "l.state in ('new', 'changed') and l.last_changed = :night";
        };
        return "from learner_link l join roster_learner r on r.external_user_id = l.external_user_id"
                + " and r.job_instance_id = :instance where l.job_name = :job and " + states;
    }

    private static Map<String, Object> parameters(String job, long instanceId, LocalDate runDate) {
        return Map.of("instance", instanceId, "job", job, "night", Date.valueOf(runDate));
    }
}
