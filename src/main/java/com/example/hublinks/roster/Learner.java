package com.example.hublinks.roster;

import java.util.List;

/** A validated learner: a usable id, at least one usable contact, and the eduMe team(s) to join. */
public record Learner(String externalUserId, String firstName, String lastName, String email, String phone,
                      List<Long> teamIds, String locale, long lineNo) {

    public Learner {
        teamIds = List.copyOf(teamIds);
    }

    public boolean hasEmail() {
        return email != null && !email.isEmpty();
    }

    public boolean hasPhone() {
        return phone != null && !phone.isEmpty();
    }
}
