package com.example.hublinks.catalog;

import com.example.hublinks.catalog.EdumeJson.CoursesPage;
import com.example.hublinks.catalog.EdumeJson.GroupJson;
import com.example.hublinks.catalog.EdumeJson.GroupsPage;
import com.example.hublinks.support.SettingsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
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
        GroupsPage groups = read("groups.json", GroupsPage.class);
        Map<Long, GroupsPage> details = new HashMap<>();
        Map<Long, CoursesPage> courses = new HashMap<>();
        for (GroupJson group : groups.groups()) {
            details.put(group.groupId(), read("group-" + group.groupId() + ".json", GroupsPage.class));
            courses.put(group.groupId(), read("courses-" + group.groupId() + ".json", CoursesPage.class));
        }
        return new CatalogAnswers(groups, details, courses).toSnapshot();
    }

    /** Fetches the catalog from eduMe's API and saves the answers here, for {@code catalog.source: file}. */
    public CatalogSnapshot saveFrom(EdumeApiClient api) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new SettingsException(directory.toString(), "is a file; the snapshot needs a directory");
        }
        CatalogAnswers answers = api.fetchCatalog();
        write(answers);
        return answers.toSnapshot();
    }

    /** Writes eduMe's answers in the layout {@link #read()} reads; returns the number of files written. */
    int write(CatalogAnswers answers) {
        JsonMapper pretty = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("groups.json"), pretty.writeValueAsString(answers.groups()) + "\n");
            for (GroupJson group : answers.groups().groups()) {
                Files.writeString(directory.resolve("group-" + group.groupId() + ".json"),
                        pretty.writeValueAsString(answers.groupDetails().get(group.groupId())) + "\n");
                Files.writeString(directory.resolve("courses-" + group.groupId() + ".json"),
                        pretty.writeValueAsString(answers.courses().get(group.groupId())) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the catalog snapshot to " + directory, e);
        }
        return 1 + 2 * answers.groups().groups().size();
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
