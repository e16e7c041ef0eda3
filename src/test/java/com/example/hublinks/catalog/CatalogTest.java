package com.example.hublinks.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Team resolution (roster team cell → team id) and course-to-team assignment over an in-memory catalog. */
class CatalogTest {

    static final CatalogSnapshot SNAPSHOT = new CatalogSnapshot(
            List.of(new CatalogSnapshot.Group(101, "Couriers UK"), new CatalogSnapshot.Group(202, "Couriers France")),
            List.of(new CatalogSnapshot.Team(5, 101, "London"), new CatalogSnapshot.Team(6, 101, "Manchester"),
                    new CatalogSnapshot.Team(7, 101, "New joiners"), new CatalogSnapshot.Team(21, 202, "Paris"),
                    new CatalogSnapshot.Team(22, 202, "New joiners")),
            List.of(new CatalogSnapshot.Course(123, 101, "road-safety", "Road safety basics", true),
                    new CatalogSnapshot.Course(126, 101, "night-riding", "Riding at night", true),
                    new CatalogSnapshot.Course(221, 202, "securite-routiere", "Sécurité routière", true)));

    final Catalog catalog = new Catalog(SNAPSHOT, Map.of("Londres", 5L, "Head office", 99L), Map.of(126L, Set.of(7L)));

    @Test
    void resolvesATeamById() {
        assertThat(catalog.resolveTeam(" 21 ").teamId()).isEqualTo(21L);
        assertThat(catalog.resolveTeam("99").problem()).isEqualTo("team 99 is not an active team in the eduMe catalog");
    }

    @Test
    void resolvesATeamByItsCatalogNameIgnoringCaseAndSpaces() {
        assertThat(catalog.resolveTeam("London").teamId()).isEqualTo(5L);
        assertThat(catalog.resolveTeam("  manchester ").teamId()).isEqualTo(6L);
        assertThat(catalog.resolveTeam("Leeds").problem()).isEqualTo("team 'Leeds' is not in the eduMe catalog");
    }

    @Test
    void theJobDefinitionsTeamMapWinsAndIsChecked() {
        assertThat(catalog.resolveTeam("londres").teamId()).isEqualTo(5L);
        assertThat(catalog.resolveTeam("Head office").problem())
                .contains("maps to 99 (hublinks.catalog.teams)").contains("not an active team");
    }

    @Test
    void aNameInTwoGroupsIsAmbiguousNamingBothIds() {
        Catalog.TeamResolution resolution = catalog.resolveTeam("New joiners");
        assertThat(resolution.found()).isFalse();
        assertThat(resolution.problem()).contains("ambiguous").contains("team 7 in Couriers UK")
                .contains("team 22 in Couriers France").contains("hublinks.catalog.teams");
    }

    @Test
    void theMapSettlesAnAmbiguousName() {
        Catalog mapped = new Catalog(SNAPSHOT, Map.of("New joiners", 22L));
        assertThat(mapped.resolveTeam("new joiners").teamId()).isEqualTo(22L);
    }

    @Test
    void anEmptyCellIsAProblem() {
        assertThat(catalog.resolveTeam("  ").problem()).isEqualTo("no team given");
        assertThat(catalog.resolveTeam(null).found()).isFalse();
    }

    @Test
    void aCourseWithoutExplicitTeamsIsAssignedToEveryTeamOfItsGroup() {
        CatalogSnapshot.Course roadSafety = catalog.course(123);
        assertThat(catalog.assignedTeams(List.of(5L), roadSafety)).containsExactly(5L);
        assertThat(catalog.assignedTeams(List.of(6L, 21L), roadSafety)).containsExactly(6L);
        assertThat(catalog.assignedTeams(List.of(21L), roadSafety)).isEmpty(); // another group's team
    }

    @Test
    void aCourseWithExplicitTeamsIsAssignedToThoseOnly() {
        CatalogSnapshot.Course nightRiding = catalog.course(126);
        assertThat(catalog.assignedTeams(List.of(7L), nightRiding)).containsExactly(7L);
        assertThat(catalog.assignedTeams(List.of(5L, 6L), nightRiding)).isEmpty();
    }
}
