package com.example.hublinks.catalog;

import java.util.List;

/**
 * The JSON shapes of eduMe's Public API (ASSUMED, see shared/edume-api/): the same records
 * read API answers and snapshot files, so a snapshot taken with curl replays as it is.
 */
final class EdumeJson {

    private EdumeJson() {
    }

    record GroupsPage(List<GroupJson> groups, Integer page, Integer pageSize, Integer total) {
        GroupsPage {
            groups = groups == null ? List.of() : groups;
        }
    }

    record GroupJson(long groupId, String name, List<TeamJson> teams) {
        GroupJson {
            teams = teams == null ? List.of() : teams;
        }
    }

    record TeamJson(long teamId, String name) {
    }

    record CoursesPage(List<CourseJson> courses, Integer page, Integer pageSize, Integer total) {
        CoursesPage {
            courses = courses == null ? List.of() : courses;
        }
    }

    record CourseJson(long courseId, String courseKey, String title, boolean published, String lastPublished) {
    }
}
