package com.example.hublinks.roster;

/**
 * One roster record as HR's file has it, before validation: the mapped columns as text and the
 * physical line it starts on (line breaks inside quoted fields count, as an editor shows them).
 */
public record RosterRow(long lineNo, String externalUserId, String firstName, String lastName, String email,
                        String phone, String team, String locale) {
}
