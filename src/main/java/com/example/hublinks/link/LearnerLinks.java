package com.example.hublinks.link;

import com.example.hublinks.roster.Learner;
import java.util.List;

/** A learner with tonight's signed links. */
public record LearnerLinks(Learner learner, List<IssuedLink> links) {

    public LearnerLinks {
        links = List.copyOf(links);
    }
}
