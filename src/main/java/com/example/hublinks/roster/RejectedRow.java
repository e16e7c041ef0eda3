package com.example.hublinks.roster;

/** A roster row that produced no learner: its physical line, the first column at fault and every reason. */
public record RejectedRow(long lineNo, String column, String reason) {
}
