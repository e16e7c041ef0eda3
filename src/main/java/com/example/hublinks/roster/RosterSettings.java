package com.example.hublinks.roster;

import com.example.hublinks.support.SettingsException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code hublinks.roster.*}: where tonight's roster comes from (a CSV file or a database query) and how its columns are read. */
public record RosterSettings(@DefaultValue("csv") Source source, Path path, @DefaultValue("auto") String delimiter,
                             @DefaultValue("UTF-8") Charset encoding, @DefaultValue("GB") String defaultRegion,
                             @DefaultValue Columns columns, @DefaultValue Jdbc jdbc) {
    public RosterSettings {
        if (!List.of("auto", ",", ";", "\\t", "tab").contains(delimiter)) {
            throw new SettingsException("hublinks.roster.delimiter", "'" + delimiter + "' must be auto, \",\" or \";\"");
        }
    }

    public enum Source { CSV, JDBC }

    /** Roster column names (header cells) for each learner field. */
    public record Columns(@DefaultValue("external_user_id") String externalUserId,
                          @DefaultValue("first_name") String firstName, @DefaultValue("last_name") String lastName,
                          @DefaultValue("email") String email, @DefaultValue("phone") String phone,
                          @DefaultValue("team") String team, @DefaultValue("locale") String locale) {
    }

    public record Jdbc(String url, String username, String passwordEnv, String query) {
    }
}
