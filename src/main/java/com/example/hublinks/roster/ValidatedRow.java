package com.example.hublinks.roster;

import java.util.List;

/** The outcome of validating one {@link RosterRow}: a learner (maybe with warnings), or a reject. */
record ValidatedRow(Learner learner, RejectedRow reject, List<ContactWarning> warnings) {

    public ValidatedRow {
        warnings = List.copyOf(warnings);
    }

    static ValidatedRow accepted(Learner learner, List<ContactWarning> warnings) {
        return new ValidatedRow(learner, null, warnings);
    }

    static ValidatedRow rejected(RejectedRow reject) {
        return new ValidatedRow(null, reject, List.of());
    }
}
