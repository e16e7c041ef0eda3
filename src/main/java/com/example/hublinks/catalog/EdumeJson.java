package com.example.hublinks.catalog;

import java.util.List;

/**
 * The JSON shapes of eduMe's Public API (ASSUMED, see shared/edume-api/): the same records
 * read API answers and snapshot files, so a snapshot taken with curl replays as it is.
 */
final class EdumeJson {

    private EdumeJson() {
    }

    /** One page of a list answer: the items, and {@code page}/{@code pageSize}/{@code total} when eduMe pages. */
    interface Paged<T> {
        List<T> items();

        Integer total();
    }

    record GroupsPage(List<GroupJson> groups, Integer page, Integer pageSize, Integer total) implements Paged<GroupJson> {
        GroupsPage {
            groups = groups == null ? List.of() : groups;
        }

        @Override
        public List<GroupJson> items() {
            return groups;
        }

        /** All pages as one answer, the way a snapshot file holds it. */
        static GroupsPage all(List<GroupJson> groups) {
            return new GroupsPage(groups, 1, Math.max(1, groups.size()), groups.size());
        }
    }

    record GroupJson(long groupId, String name, List<TeamJson> teams) {
        GroupJson {
            teams = teams == null ? List.of() : teams;
        }
    }

    record TeamJson(long teamId, String name) {
    }

    record CoursesPage(List<CourseJson> courses, Integer page, Integer pageSize, Integer total) implements Paged<CourseJson> {
        CoursesPage {
            courses = courses == null ? List.of() : courses;
        }

        @Override
        public List<CourseJson> items() {
            return courses;
        }

        static CoursesPage all(List<CourseJson> courses) {
            return new CoursesPage(courses, 1, Math.max(1, courses.size()), courses.size());
        }
    }

    record CourseJson(long courseId, String courseKey, String title, boolean published, String lastPublished) {
    }
}
