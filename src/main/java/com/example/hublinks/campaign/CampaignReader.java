package com.example.hublinks.campaign;

import com.example.hublinks.campaign.CampaignSettings.Audience;
import com.example.hublinks.link.IssuedLink;
import com.example.hublinks.link.LinkKind;
import com.example.hublinks.link.LinkRepository.StoredLink;
import com.example.hublinks.link.LinkRepository;
import com.example.hublinks.roster.ImportRosterTasklet;
import com.example.hublinks.roster.ImportTally;
import com.example.hublinks.roster.Learner;
import com.example.hublinks.roster.LearnerRepository;
import com.example.hublinks.roster.NightDelta;
import com.example.hublinks.support.KeyLookup;
import com.example.hublinks.support.ProgressLog;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads tonight's campaign audience in a stable order: learners by id, each learner's links by
 * kind and target (the primary key of learner_link), so a restart that skips the rows already
 * exported resumes exactly where it stopped. {@code changed} (links new or changed tonight) and
 * {@code new} (first issued tonight) can only be learners of tonight's delta, so only the delta is
 * read; {@code all} reads every live learner. Their links are fetched a page of learners at a time.
 */
public class CampaignReader extends AbstractItemCountingItemStreamItemReader<CampaignRow> {

    static final int PAGE = 500;

    private final JdbcTemplate jdbc;
    private final String learnerPage;
    private final LinkRepository links;
    private final String job;
    private final LocalDate night;
    private final Audience audience;
    private final KeyLookup lookup;
    private final Deque<CampaignRow> page = new ArrayDeque<>();
    private String lastLearner = "";
    private boolean exhausted;

    /**
     * @param name      the reader's name (its restart state is kept under it)
     * @param delta     the job instance whose delta to read ({@code audience} other than all)
     * @param lookup    how the delta's stored links are found (see {@link KeyLookup})
     */
    public CampaignReader(String name, DataSource dataSource, LinkRepository links, String job, long delta,
                          LocalDate night, Audience audience, KeyLookup lookup) {
        this.links = links;
        this.job = job;
        this.night = night;
        this.audience = audience;
        this.lookup = audience == Audience.ALL ? KeyLookup.RANGE
                : lookup == KeyLookup.NONE ? KeyLookup.RANGE : lookup; // tonight's links are stored by now
        String columns = "external_user_id, line_no, first_name, last_name, email, phone, team_ids, locale";
        this.jdbc = new JdbcTemplate(dataSource);
        // keyset pages in the primary key's order, one query each: no long-lived cursor (see LearnerRepository)
        this.learnerPage = audience == Audience.ALL
                ? "select " + columns + " from learner where job_name = ?"
                + " and removed_on is null and external_user_id > ? order by job_name, external_user_id"
                + " fetch first " + PAGE + " rows only"
                : "select " + columns + " from " + NightDelta.table(delta) + " where not leaver and external_user_id > ?"
                + " order by external_user_id fetch first " + PAGE + " rows only";
        setName(name);
    }

    /**
     * About how many rows a reader of {@code audience} reads in a step of the night (learners, not
     * links), from importRoster's tally: its progress log's total.
     */
    public static ToLongFunction<StepExecution> audienceSize(Audience audience, JsonMapper json) {
        return step -> {
            ImportTally tally = ImportRosterTasklet.tally(step.getJobExecution().getExecutionContext(), json);
            return tally == null ? ProgressLog.UNKNOWN : audience == Audience.ALL ? tally.usable() : tally.staged();
        };
    }

    @Override
    protected void doOpen() {
        lastLearner = "";
        exhausted = false;
    }

    @Override
    protected CampaignRow doRead() {
        while (page.isEmpty()) {
            if (exhausted) {
                return null;
            }
            Object[] after = audience == Audience.ALL ? new Object[] {job, lastLearner} : new Object[] {lastLearner};
            List<Learner> next = jdbc.query(learnerPage, (rs, i) -> LearnerRepository.learner(rs), after);
            exhausted = next.size() < PAGE;
            if (next.isEmpty()) {
                return null;
            }
            lastLearner = next.get(next.size() - 1).externalUserId();
            fill(next);
        }
        return page.poll();
    }

    private void fill(List<Learner> learnerPage) {
        Map<String, Map<String, StoredLink>> stored = links.linksOf(job,
                learnerPage.stream().map(Learner::externalUserId).toList(), lookup == KeyLookup.RANGE);
        for (Learner learner : learnerPage) {
            stored.getOrDefault(learner.externalUserId(), Map.of()).values().stream()
                    .sorted(Comparator.comparing(StoredLink::kind).thenComparing(StoredLink::targetId))
                    .forEach(link -> {
                        String state = stateTonight(link);
                        if (inAudience(link, state)) {
                            page.add(new CampaignRow(learner, new IssuedLink(LinkKind.fromSettingName(link.kind()),
                                    link.targetId(), link.url()), state));
                        }
                    });
        }
    }

    /** {@code state} is relative to the night in last_changed: a link new on an earlier night is unchanged tonight. */
    private String stateTonight(StoredLink link) {
        boolean movedTonight = link.state().equals("new") || link.state().equals("changed");
        return movedTonight && !link.lastChanged().equals(night) ? "unchanged" : link.state();
    }

    private boolean inAudience(StoredLink link, String state) {
        return switch (audience) {
            case ALL -> !state.equals("removed");
            case NEW -> state.equals("new");
            case CHANGED -> state.equals("new") || state.equals("changed");
        };
    }

    @Override
    protected void doClose() {
        page.clear();
    }
}
