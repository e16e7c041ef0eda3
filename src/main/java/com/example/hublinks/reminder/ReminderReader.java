package com.example.hublinks.reminder;

import com.example.hublinks.roster.Learner;
import com.example.hublinks.roster.LearnerRepository;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads tonight's published roster (the job's live learners, after removeLeavers) in id order, in
 * keyset pages of one query each, with each page's progress and reminders read by one key range
 * apiece. A stable order, so a restart that skips the learners already done resumes where it stopped.
 */
class ReminderReader extends AbstractItemCountingItemStreamItemReader<ReminderCandidate> {

    static final int PAGE = 500;

    private final JdbcTemplate jdbc;
    private final ProgressRepository progress;
    private final ReminderLedger ledger;
    private final String job;
    private final Set<Long> courses;
    private final Deque<ReminderCandidate> page = new ArrayDeque<>();
    private String lastLearner = "";
    private boolean exhausted;

    ReminderReader(DataSource dataSource, ProgressRepository progress, ReminderLedger ledger, String job,
                   Set<Long> courses) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.progress = progress;
        this.ledger = ledger;
        this.job = job;
        this.courses = Set.copyOf(courses);
        setName("reminderReader");
    }

    @Override
    protected void doOpen() {
        lastLearner = "";
        exhausted = false;
    }

    @Override
    protected ReminderCandidate doRead() {
        while (page.isEmpty() && !exhausted) {
            List<Row> next = jdbc.query("select external_user_id, line_no, first_name, last_name, email, phone,"
                    + " team_ids, locale, first_seen from learner where job_name = ? and removed_on is null"
                    + " and external_user_id > ? order by job_name, external_user_id fetch first " + PAGE + " rows only",
                    (rs, i) -> new Row(LearnerRepository.learner(rs), rs.getDate("first_seen").toLocalDate()),
                    job, lastLearner);
            exhausted = next.size() < PAGE;
            if (next.isEmpty()) {
                break;
            }
            String first = next.get(0).learner().externalUserId();
            lastLearner = next.get(next.size() - 1).learner().externalUserId();
            Map<String, Map<Long, LearnerProgress>> progressed = progress.between(job, first, lastLearner, courses);
            Map<String, Map<Long, List<ReminderLedger.Issued>>> reminded = ledger.between(job, first, lastLearner);
            for (Row row : next) {
                Learner learner = row.learner();
                page.add(new ReminderCandidate(learner, row.firstSeen(),
                        progressed.getOrDefault(learner.externalUserId(), Map.of()),
                        reminded.getOrDefault(learner.externalUserId(), Map.of())));
            }
        }
        return page.poll();
    }

    @Override
    protected void doClose() {
        page.clear();
    }

    private record Row(Learner learner, LocalDate firstSeen) {
    }
}
