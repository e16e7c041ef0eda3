package com.example.hublinks.catalog;

import java.util.List;

/** Everything one catalog refresh learned from eduMe: groups, their teams and their courses. */
public record CatalogSnapshot(List<Group> groups, List<Team> teams, List<Course> courses) {

    public CatalogSnapshot {
        groups = List.copyOf(groups);
        teams = List.copyOf(teams);
        courses = List.copyOf(courses);
    }

    public record Group(long groupId, String name) {
    }

    public record Team(long teamId, long groupId, String name) {
    }

    public record Course(long courseId, long groupId, String courseKey, String title, boolean published) {
    }
}
