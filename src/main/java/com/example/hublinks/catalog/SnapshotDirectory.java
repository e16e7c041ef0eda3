package com.example.hublinks.catalog;

import com.example.hublinks.SettingsException;
import com.example.hublinks.catalog.EdumeJson.CoursesPage;
import com.example.hublinks.catalog.EdumeJson.GroupJson;
import com.example.hublinks.catalog.EdumeJson.GroupsPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A catalog snapshot directory ({@code catalog.source: file}): {@code groups.json},
 * {@code group-{groupId}.json} and {@code courses-{groupId}.json}, the API's answers saved as
 * files. A file that {@code groups.json} implies but the directory lacks is a settings error.
 */
public final class SnapshotDirectory {

    private final Path directory;
    private final JsonMapper json;

    public SnapshotDirectory(Path directory, JsonMapper json) {
        this.directory = directory;
        this.json = json;
    }

    public CatalogSnapshot read() {
        if (!Files.isDirectory(directory)) {
            throw new SettingsException("hublinks.catalog.file", "catalog snapshot directory " + directory + " does not exist");
        }
        List<CatalogSnapshot.Group> groups = new ArrayList<>();
        List<CatalogSnapshot.Team> teams = new ArrayList<>();
        List<CatalogSnapshot.Course> courses = new ArrayList<>();
        for (GroupJson group : read("groups.json", GroupsPage.class).groups()) {
            groups.add(new CatalogSnapshot.Group(group.groupId(), group.name()));
            for (GroupJson detail : read("group-" + group.groupId() + ".json", GroupsPage.class).groups()) {
                detail.teams().forEach(t -> teams.add(new CatalogSnapshot.Team(t.teamId(), group.groupId(), t.name())));
            }
            read("courses-" + group.groupId() + ".json", CoursesPage.class).courses().forEach(c -> courses.add(
                    new CatalogSnapshot.Course(c.courseId(), group.groupId(), c.courseKey(), c.title(), c.published())));
        }
        return new CatalogSnapshot(groups, teams, courses);
    }

    private <T> T read(String name, Class<T> type) {
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new SettingsException("hublinks.catalog.file", "catalog snapshot " + directory + " lacks " + name
                    + " (groups.json lists its group)");
        }
        try {
            return json.readValue(file.toFile(), type);
        } catch (JacksonException e) {
            throw new SettingsException("hublinks.catalog.file", file + " is not the JSON eduMe's API returns: "
                    + e.getOriginalMessage());
        }
    }
}
