package com.example.hublinks.link;

import com.example.hublinks.roster.Learner;
import com.example.hublinks.roster.StagedLearner;
import java.util.List;

/** A learner of tonight's delta with tonight's signed links. */
public record LearnerLinks(StagedLearner staged, List<IssuedLink> links) {

    public LearnerLinks {
        links = List.copyOf(links);
    }

    public Learner learner() {
        return staged.learner();
    }
}
