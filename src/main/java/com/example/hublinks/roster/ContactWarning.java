package com.example.hublinks.roster;

/** A contact dropped from a row that was otherwise kept: the learner still gets a link on the other channel. */
public record ContactWarning(long lineNo, String externalUserId, String column, String reason) {
}
