package com.example.hublinks.roster;

import java.util.ArrayList;
import java.util.HashMap;
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
        Map<String, Long> firstLine = new HashMap<>();
        List<ValidatedRow> candidates = new ArrayList<>();
        List<Learner> repeated = new ArrayList<>();
        List<RejectedRow> rejects = new ArrayList<>();
        for (ValidatedRow row : chunk) {
            if (row.reject() != null) {
                rejects.add(row.reject());
            } else if (firstLine.putIfAbsent(row.learner().externalUserId(), row.learner().lineNo()) != null) {
                repeated.add(row.learner());
            } else {
                candidates.add(row);
            }
        }
        boolean[] inserted = repository.insertNewLearners(jobInstanceId,
                candidates.stream().map(ValidatedRow::learner).toList());
        List<ContactWarning> warnings = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Learner learner = candidates.get(i).learner();
            if (inserted[i]) {
                warnings.addAll(candidates.get(i).warnings());
            } else { // an earlier chunk staged this id
                long first = repository.lineOf(jobInstanceId, learner.externalUserId());
                firstLine.put(learner.externalUserId(), first);
                rejects.add(duplicate(learner, first));
            }
        }
        repeated.forEach(learner -> rejects.add(duplicate(learner, firstLine.get(learner.externalUserId()))));
        repository.insertRejects(jobInstanceId, rejects);
        repository.insertWarnings(jobInstanceId, warnings);
    }

    private RejectedRow duplicate(Learner learner, long firstLine) {
        return new RejectedRow(learner.lineNo(), idColumn, "duplicate external user id '" + learner.externalUserId()
                + "': line " + firstLine + " has it first (line " + learner.lineNo() + " is rejected)");
    }
}
