package com.example.hublinks.roster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of validated rows to tonight's roster tables. Duplicate ids are resolved here,
 * inside the chunk's transaction, so a restart never double-counts: the first line with an id
 * wins, every later one is rejected naming both lines.
 */
public class RosterStagingWriter implements ItemWriter<ValidatedRow> {

    private final RosterRepository repository;
    private final long jobInstanceId;
    private final String idColumn;

    public RosterStagingWriter(RosterRepository repository, long jobInstanceId, String idColumn) {
        this.repository = repository;
        this.jobInstanceId = jobInstanceId;
        this.idColumn = idColumn;
    }

    @Override
    public void write(Chunk<? extends ValidatedRow> chunk) {
        List<Learner> learners = new ArrayList<>();
        List<RejectedRow> rejects = new ArrayList<>();
        Map<Long, List<ContactWarning>> warningsByLine = new LinkedHashMap<>();
        for (ValidatedRow row : chunk) {
            if (row.reject() != null) {
                rejects.add(row.reject());
            } else {
                learners.add(row.learner());
                if (!row.warnings().isEmpty()) {
                    warningsByLine.put(row.learner().lineNo(), row.warnings());
                }
            }
        }
        // the insert skips ids already staged, by an earlier chunk or earlier in this one
        for (Learner duplicate : repository.insertNewLearners(jobInstanceId, learners)) {
            rejects.add(duplicate(duplicate, repository.lineOf(jobInstanceId, duplicate.externalUserId())));
            warningsByLine.remove(duplicate.lineNo());
        }
        repository.insertRejects(jobInstanceId, rejects);
        repository.insertWarnings(jobInstanceId, warningsByLine.values().stream().flatMap(List::stream).toList());
    }

    private RejectedRow duplicate(Learner learner, long firstLine) {
        return new RejectedRow(learner.lineNo(), idColumn, "duplicate external user id '" + learner.externalUserId()
                + "': line " + firstLine + " has it first (line " + learner.lineNo() + " is rejected)");
    }
}
