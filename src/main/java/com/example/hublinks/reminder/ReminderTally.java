package com.example.hublinks.reminder;

import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.catalog.CatalogSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report's numbers of step remindLearners, counted as its chunks are written and saved in the
 * step's context with each commit (JSON), so a resumed step counts on from its last commit and the
 * report reads them rather than the tables.
 */
class ReminderTally {

    static final String KEY = "reminders.tally";

    private final Map<Long, long[]> courses = new LinkedHashMap<>(); // assigned, completed, reminded tonight, overdue
    private final Map<Long, Map<Long, long[]>> teams = new LinkedHashMap<>(); // course → team → assigned, completed
    private final Map<Long, String> titles;
    private final Map<Long, String> notes;
    private final LongFunction<String> teamNames;

    /**
     * @param titles    the mandatory courses in their settings' order, with their titles (null when unknown)
     * @param notes     why a course reminds nobody, for those that do not
     * @param teamNames a team's name by id
     */
    ReminderTally(Map<Long, String> titles, Map<Long, String> notes, LongFunction<String> teamNames) {
        this.titles = titles;
        this.notes = notes;
        this.teamNames = teamNames;
        titles.keySet().forEach(id -> {
            courses.put(id, new long[4]);
            teams.put(id, new TreeMap<>());
        });
    }

    /** The counters of the mandatory {@code courses}, titled from tonight's catalog, with why one reminds nobody. */
    static ReminderTally of(List<Long> courses, Catalog catalog) {
        Map<Long, String> titles = new LinkedHashMap<>();
        Map<Long, String> notes = new LinkedHashMap<>();
        for (long id : courses) {
            CatalogSnapshot.Course course = catalog.course(id);
            titles.put(id, course == null ? null : course.title());
            if (course == null) {
                notes.put(id, "not in the eduMe catalog (or deleted): nobody is reminded of it");
            } else if (!course.published()) {
                notes.put(id, "unpublished: nobody can take it, nobody is reminded of it");
            }
        }
        return new ReminderTally(titles, notes, catalog::teamName);
    }

    void count(LearnerReminders learner) {
        for (LearnerReminders.Standing standing : learner.standings()) {
            long[] course = courses.get(standing.courseId());
            course[0]++;
            course[1] += standing.completed() ? 1 : 0;
            course[3] += standing.overdue() ? 1 : 0;
            for (long team : standing.teams()) {
                long[] counts = teams.get(standing.courseId()).computeIfAbsent(team, t -> new long[2]);
                counts[0]++;
                counts[1] += standing.completed() ? 1 : 0;
            }
        }
        learner.reminders().forEach(r -> courses.get(r.courseId())[2]++);
    }

    List<ReminderSummary.Course> courses() {
        List<ReminderSummary.Course> summary = new ArrayList<>();
        courses.forEach((id, n) -> {
            List<ReminderSummary.Team> perTeam = new ArrayList<>();
            teams.get(id).forEach((team, t) -> perTeam.add(new ReminderSummary.Team(team, teamNames.apply(team), t[0], t[1])));
            summary.add(new ReminderSummary.Course(id, titles.get(id), n[0], n[1], n[2], n[3], notes.get(id), perTeam));
        });
        return summary;
    }

    void save(ExecutionContext context, JsonMapper json) {
        context.putString(KEY, json.writeValueAsString(courses()));
    }

    /** Counts on from what the step's last commit saved, if anything. */
    void restore(ExecutionContext context, JsonMapper json) {
        if (!context.containsKey(KEY)) {
            return;
        }
        for (ReminderSummary.Course saved : read(context.getString(KEY), json)) {
            long[] course = courses.get(saved.courseId());
            if (course == null) {
                continue;
            }
            course[0] = saved.assigned();
            course[1] = saved.completed();
            course[2] = saved.remindedTonight();
            course[3] = saved.overdue();
            saved.teams().forEach(t -> teams.get(saved.courseId()).put(t.teamId(), new long[] {t.assigned(), t.completed()}));
        }
    }

    static List<ReminderSummary.Course> read(String saved, JsonMapper json) {
        return json.readValue(saved, new TypeReference<List<ReminderSummary.Course>>() { });
    }
}
