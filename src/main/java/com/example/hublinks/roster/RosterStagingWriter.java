package com.example.hublinks.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Set<String> ids = new HashSet<>();
        chunk.forEach(row -> {
            if (row.learner() != null) {
                ids.add(row.learner().externalUserId());
            }
        });
        Map<String, Long> firstLine = new HashMap<>(ids.isEmpty() ? Map.of() : repository.linesOf(jobInstanceId, ids));
        List<Learner> learners = new ArrayList<>();
        List<RejectedRow> rejects = new ArrayList<>();
        List<ContactWarning> warnings = new ArrayList<>();
        for (ValidatedRow row : chunk) {
            Learner learner = row.learner();
            Long first = learner == null ? null : firstLine.putIfAbsent(learner.externalUserId(), learner.lineNo());
            if (row.reject() != null) {
                rejects.add(row.reject());
            } else if (first != null) {
                rejects.add(duplicate(learner, first));
            } else {
                learners.add(learner);
                warnings.addAll(row.warnings());
            }
        }
        repository.insertLearners(jobInstanceId, learners);
        repository.insertRejects(jobInstanceId, rejects);
        repository.insertWarnings(jobInstanceId, warnings);
    }

    private RejectedRow duplicate(Learner learner, long firstLine) {
        return new RejectedRow(learner.lineNo(), idColumn, "duplicate external user id '" + learner.externalUserId()
                + "': line " + firstLine + " has it first (line " + learner.lineNo() + " is rejected)");
    }
}
