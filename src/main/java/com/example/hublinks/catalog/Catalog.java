package com.example.hublinks.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The active eduMe catalog as the night sees it: teams by id and by name, courses by id.
 * Small (hundreds of teams), so it is held in memory for the whole run.
 */
public class Catalog {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Map<Long, CatalogSnapshot.Team> teams = new HashMap<>();
    private final Map<String, List<CatalogSnapshot.Team>> teamsByName = new HashMap<>();
    private final Map<Long, String> groupNames = new HashMap<>();
    private final Map<Long, CatalogSnapshot.Course> courses = new HashMap<>();
    private final Map<String, Long> configuredNames = new HashMap<>();
    private final Map<Long, Set<Long>> courseTeams = new HashMap<>();
    private final String fingerprint;

    /** The catalog the stored snapshot holds, with the job definition's team names and the webhooks' course teams. */
    public static Catalog load(CatalogRepository repository, CatalogSettings settings) {
        return new Catalog(repository.load(), settings.teams(), repository.explicitCourseTeams());
    }

    /**
     * @param configuredNames the job definition's {@code catalog.teams} map (roster team name → id),
     *                        which wins over the catalog's own team names
     */
    public Catalog(CatalogSnapshot snapshot, Map<String, Long> configuredNames) {
        this(snapshot, configuredNames, Map.of());
    }

    /**
     * @param explicitCourseTeams courses that webhooks assigned to teams → those teams; any other
     *                            course is assigned to every team of its group
     */
    public Catalog(CatalogSnapshot snapshot, Map<String, Long> configuredNames, Map<Long, Set<Long>> explicitCourseTeams) {
        explicitCourseTeams.forEach((course, teamIds) -> this.courseTeams.put(course, Set.copyOf(teamIds)));
        snapshot.groups().forEach(g -> groupNames.put(g.groupId(), g.name()));
        for (CatalogSnapshot.Team team : snapshot.teams()) {
            teams.put(team.teamId(), team);
            teamsByName.computeIfAbsent(normalise(team.name()), k -> new ArrayList<>()).add(team);
        }
        snapshot.courses().forEach(c -> courses.put(c.courseId(), c));
        configuredNames.forEach((name, id) -> this.configuredNames.put(normalise(name), id));
        this.fingerprint = fingerprintOf(snapshot);
    }

    /**
     * SHA-256 (hex) of everything a roster row's outcome can depend on: groups and teams (ids and
     * names: resolution, and the text of an ambiguity), courses (published, group), course-to-team
     * assignments and the job's configured team names; not course titles. Equal fingerprints: every
     * row resolves as it did.
     */
    public String fingerprint() {
        return fingerprint;
    }

    private String fingerprintOf(CatalogSnapshot snapshot) {
        StringBuilder all = new StringBuilder();
        snapshot.groups().stream().sorted(java.util.Comparator.comparingLong(CatalogSnapshot.Group::groupId))
                .forEach(g -> all.append("g").append(g.groupId()).append('=').append(g.name()).append('\n'));
        teams.values().stream().sorted(java.util.Comparator.comparingLong(CatalogSnapshot.Team::teamId))
                .forEach(t -> all.append("t").append(t.teamId()).append('/').append(t.groupId()).append('=')
                        .append(t.name()).append('\n'));
        courses.values().stream().sorted(java.util.Comparator.comparingLong(CatalogSnapshot.Course::courseId))
                .forEach(c -> all.append("c").append(c.courseId()).append('/').append(c.groupId()).append('=')
                        .append(c.published()).append('\n'));
        new java.util.TreeMap<>(courseTeams).forEach((course, assigned) -> all.append("a").append(course).append('=')
                .append(new java.util.TreeSet<>(assigned)).append('\n'));
        new java.util.TreeMap<>(configuredNames).forEach((name, id) -> all.append("n").append(name).append('=')
                .append(id).append('\n'));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean hasTeam(long teamId) {
        return teams.containsKey(teamId);
    }

    /** A team's name in the catalog, or null when it has no such active team. */
    public String teamName(long teamId) {
        CatalogSnapshot.Team team = teams.get(teamId);
        return team == null ? null : team.name();
    }

    public CatalogSnapshot.Course course(long courseId) {
        return courses.get(courseId);
    }

    /** The learner's teams that belong to a group: a course of that group is assigned to them. */
    public List<Long> teamsInGroup(List<Long> teamIds, long groupId) {
        return teamIds.stream().filter(id -> teams.containsKey(id) && teams.get(id).groupId() == groupId).toList();
    }

    /**
     * The learner's teams a course is assigned to: those webhooks assigned it to, or else every
     * active team of the course's group. Empty: the learner gets no link to that course.
     */
    public List<Long> assignedTeams(List<Long> teamIds, CatalogSnapshot.Course course) {
        Set<Long> explicit = courseTeams.get(course.courseId());
        List<Long> inGroup = teamsInGroup(teamIds, course.groupId());
        return explicit == null ? inGroup : inGroup.stream().filter(explicit::contains).toList();
    }

    /** The team a roster cell names, by id or by name; an unknown or ambiguous name is a problem. */
    public TeamResolution resolveTeam(String cell) {
        String value = cell == null ? "" : cell.strip();
        if (value.isEmpty()) {
            return TeamResolution.problem("no team given");
        }
        if (value.chars().allMatch(Character::isDigit) && value.length() < 18) {
            long id = Long.parseLong(value);
            return teams.containsKey(id) ? TeamResolution.of(id)
                    : TeamResolution.problem("team " + id + " is not an active team in the eduMe catalog");
        }
        Long configured = configuredNames.get(normalise(value));
        if (configured != null) {
            return teams.containsKey(configured) ? TeamResolution.of(configured)
                    : TeamResolution.problem("team '" + value + "' maps to " + configured
                            + " (hublinks.catalog.teams), which is not an active team in the eduMe catalog");
        }
        List<CatalogSnapshot.Team> named = teamsByName.getOrDefault(normalise(value), List.of());
        if (named.isEmpty()) {
            return TeamResolution.problem("team '" + value + "' is not in the eduMe catalog");
        }
        if (named.size() > 1) {
            return TeamResolution.problem("team name '" + value + "' is ambiguous: " + named.stream()
                    .map(t -> "team " + t.teamId() + " in " + groupNames.getOrDefault(t.groupId(), "group " + t.groupId()))
                    .collect(Collectors.joining(" and ")) + "; use the id or hublinks.catalog.teams");
        }
        return TeamResolution.of(named.get(0).teamId());
    }

    /** Names match ignoring case, accents aside, and runs of spaces: "new  Joiners" is "New joiners". */
    static String normalise(String name) {
        return SPACES.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** A team id, or the reason there is none. */
    public record TeamResolution(Long teamId, String problem) {
        static TeamResolution of(long id) {
            return new TeamResolution(id, null);
        }

        static TeamResolution problem(String problem) {
            return new TeamResolution(null, problem);
        }

        public boolean found() {
            return teamId != null;
        }
    }
}
