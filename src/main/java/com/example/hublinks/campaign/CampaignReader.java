package com.example.hublinks.campaign;

import com.example.hublinks.HublinksProperties.Audience;
import com.example.hublinks.link.IssuedLink;
import com.example.hublinks.link.LinkKind;
import com.example.hublinks.link.LinkRepository;
import com.example.hublinks.link.LinkRepository.StoredLink;
import com.example.hublinks.roster.Learner;
import com.example.hublinks.roster.LearnerRepository;
import com.example.hublinks.roster.NightDelta;
import com.example.hublinks.support.KeyLookup;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads tonight's campaign audience in a stable order: learners by id, each learner's links by
 * kind and target (the primary key of learner_link), so a restart that skips the rows already
 * exported resumes exactly where it stopped. {@code changed} (links new or changed tonight) and
 * {@code new} (first issued tonight) can only be learners of tonight's delta, so only the delta is
 * read; {@code all} reads every live learner. Their links are fetched a page of learners at a time.
 */
public class CampaignReader extends AbstractItemCountingItemStreamItemReader<CampaignRow> {

    static final int PAGE = 500;

    private final JdbcCursorItemReader<Learner> learners;
    private final LinkRepository links;
    private final String job;
    private final LocalDate night;
    private final Audience audience;
    private final KeyLookup lookup;
    private final Deque<CampaignRow> page = new ArrayDeque<>();

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
        JdbcCursorItemReaderBuilder<Learner> builder = new JdbcCursorItemReaderBuilder<Learner>()
                .name(name + ".learners")
                .saveState(false) // this reader counts what it returned, and skips as much on restart
                .dataSource(dataSource)
                .fetchSize(PAGE)
                .connectionAutoCommit(false) // PostgreSQL streams a result only outside auto-commit
                .rowMapper((rs, i) -> LearnerRepository.learner(rs));
        this.learners = audience == Audience.ALL
                ? builder.sql("select " + columns + " from learner where job_name = ? and removed_on is null"
                        + " order by job_name, external_user_id").queryArguments(job).build()
                : builder.sql("select " + columns + " from " + NightDelta.table(delta) + " where not leaver"
                        + " order by external_user_id").build();
        setName(name);
    }

    @Override
    protected void doOpen() {
        learners.open(new ExecutionContext());
    }

    @Override
    protected CampaignRow doRead() throws Exception {
        while (page.isEmpty()) {
            List<Learner> next = new ArrayList<>(PAGE);
            Learner learner;
            while (next.size() < PAGE && (learner = learners.read()) != null) {
                next.add(learner);
            }
            if (next.isEmpty()) {
                return null;
            }
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
        learners.close();
    }
}
