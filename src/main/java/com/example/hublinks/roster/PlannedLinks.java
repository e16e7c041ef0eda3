package com.example.hublinks.roster;

/**
 * What the catalog gives a learner of some teams, before signing: the links' kinds, targets and
 * teams as one string ({@code key}, part of the row's fingerprint) and how many links that is.
 * Made by the link feature, which roster does not depend on.
 */
public record PlannedLinks(String key, int count) {
}
