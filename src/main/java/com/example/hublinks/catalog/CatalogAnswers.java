package com.example.hublinks.catalog;

import com.example.hublinks.catalog.EdumeJson.CoursesPage;
import com.example.hublinks.catalog.EdumeJson.GroupJson;
import com.example.hublinks.catalog.EdumeJson.GroupsPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * eduMe's answers for one catalog, call by call: the group list, each group's details (its teams)
 * and each group's courses. The API client fetches them, a snapshot directory holds them as files
 * ({@code groups.json}, {@code group-{id}.json}, {@code courses-{id}.json}); both become a
 * {@link CatalogSnapshot} the same way.
 */
record CatalogAnswers(GroupsPage groups, Map<Long, GroupsPage> groupDetails, Map<Long, CoursesPage> courses) {

    CatalogAnswers {
        groupDetails = Map.copyOf(groupDetails);
        courses = Map.copyOf(courses);
    }

    CatalogSnapshot toSnapshot() {
        List<CatalogSnapshot.Group> groupList = new ArrayList<>();
        List<CatalogSnapshot.Team> teams = new ArrayList<>();
        List<CatalogSnapshot.Course> courseList = new ArrayList<>();
        for (GroupJson group : groups.groups()) {
            groupList.add(new CatalogSnapshot.Group(group.groupId(), group.name()));
            for (GroupJson detail : groupDetails.get(group.groupId()).groups()) {
                detail.teams().forEach(t -> teams.add(new CatalogSnapshot.Team(t.teamId(), group.groupId(), t.name())));
            }
            courses.get(group.groupId()).courses().forEach(c -> courseList.add(
                    new CatalogSnapshot.Course(c.courseId(), group.groupId(), c.courseKey(), c.title(), c.published())));
        }
        return new CatalogSnapshot(groupList, teams, courseList);
    }
}
