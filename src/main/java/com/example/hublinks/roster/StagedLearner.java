package com.example.hublinks.roster;

/** A learner of tonight's delta with the fingerprint their stored state will carry (dropped-contact flags included). */
public record StagedLearner(Learner learner, long fingerprint) {
}
