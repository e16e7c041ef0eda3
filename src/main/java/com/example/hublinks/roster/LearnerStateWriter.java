package com.example.hublinks.roster;

import com.example.hublinks.support.KeyLookup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Step {@code signLinks}' writer of learners: tonight's values and fingerprint of each learner of
 * the delta, inserted when new, updated when stored already (changed, returning, or stored by an
 * earlier release without a fingerprint). The next night compares with what this writes.
 */
public class LearnerStateWriter<T> implements ItemWriter<T> {

    private final LearnerRepository learners;
    private final Function<T, StagedLearner> learnerOf;
    private final String job;
    private final LocalDate night;
    private final KeyLookup lookup;


    public LearnerStateWriter(LearnerRepository learners, Function<T, StagedLearner> learnerOf, String job,
                              LocalDate night, KeyLookup lookup) {
        this.learners = learners;
        this.learnerOf = learnerOf;
        this.job = job;
        this.night = night;
        this.lookup = lookup;
    }

    @Override
    public void write(Chunk<? extends T> chunk) {
        List<StagedLearner> staged = chunk.getItems().stream().map(learnerOf).toList();
        Set<String> stored = lookup == KeyLookup.NONE ? Set.of() : learners.storedAmong(job,
                staged.stream().map(s -> s.learner().externalUserId()).toList(), lookup == KeyLookup.RANGE);
        List<StagedLearner> inserts = new ArrayList<>();
        List<StagedLearner> updates = new ArrayList<>();
        for (StagedLearner learner : staged) {
            (stored.contains(learner.learner().externalUserId()) ? updates : inserts).add(learner);
        }
        learners.insert(job, night, inserts);
        learners.update(job, night, updates);
    }
}
