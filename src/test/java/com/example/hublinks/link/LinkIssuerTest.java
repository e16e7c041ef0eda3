package com.example.hublinks.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.catalog.CatalogSnapshot;
import com.example.hublinks.catalog.CatalogSnapshot.Course;
import com.example.hublinks.catalog.CatalogSnapshot.Group;
import com.example.hublinks.catalog.CatalogSnapshot.Team;
import com.example.hublinks.roster.Learner;
import com.example.hublinks.roster.StagedLearner;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Which links a learner gets tonight (DESIGN §1, §2 signLinks): the job's main link (team dashboard
 * or knowledge hub), then one per listed course that is published and assigned to one of their
 * teams. Expected links are built from DESIGN's templates and signed here by DESIGN's formula, not
 * by the signer under test; the design's own test vectors are checked as they are.
 */
class LinkIssuerTest {

    static final String VECTOR_SECRET = "c4e867ae-bc05-11ec-8422-0242ac120002";
    static final String BASE = "https://learn.edume.com";

    /** Group 101 holds the design vectors' teams 5 and 12345 and team 6; group 202 holds team 9. */
    static final List<Team> TEAMS = List.of(new Team(5, 101, "London"), new Team(6, 101, "Manchester"),
            new Team(12345, 101, "Head office"), new Team(9, 202, "Leeds"));
    static final Course COURSE_123 = new Course(123, 101, "c123", "Safety", true);
    static final Course UNPUBLISHED_124 = new Course(124, 101, "c124", "Draft", false);
    static final Course WEBHOOK_125 = new Course(125, 101, "c125", "Managers only", true);
    static final Course WAREHOUSE_300 = new Course(300, 202, "c300", "Forklifts", true);

    static Catalog catalog(Course... courses) {
        return new Catalog(new CatalogSnapshot(List.of(new Group(101, "Retail"), new Group(202, "Warehouse")), TEAMS,
                List.of(courses)), Map.of(), Map.of(125L, Set.of(6L)));
    }

    static final Catalog CATALOG = catalog(COURSE_123, UNPUBLISHED_124, WEBHOOK_125, WAREHOUSE_300);

    static LinkIssuer issuer(LinkKind kind, String hubId, List<Long> courses, Catalog catalog) {
        LinkSettings settings = new LinkSettings(BASE, kind, hubId, courses,
                "EDUME_SIGNING_SECRET", null);
        LinkSigner signer = new LinkSigner(new LinkFormat(BASE), new SigningSecret(VECTOR_SECRET, "test"));
        return new LinkIssuer(signer, settings, catalog);
    }

    static LinkIssuer dashboard(Long... courses) {
        return issuer(LinkKind.DASHBOARD, null, List.of(courses), CATALOG);
    }

    static List<IssuedLink> links(LinkIssuer issuer, String user, Long... teams) {
        Learner learner = new Learner(user, "Ana", "Silva", "ana@example.com", "", List.of(teams), "", 2);
        return issuer.process(new StagedLearner(learner, 0)).links();
    }

    /** DESIGN §1: {@code {url}&sig=} lowercase hex HMAC-SHA256(UTF-8 secret, UTF-8 url). */
    static String signedByTheDesign(String url) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(VECTOR_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return url + "&sig=" + HexFormat.of().formatHex(mac.doFinal(url.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theTestsOwnSigningReproducesTheDesignVectors() throws Exception {
        assertThat(signedByTheDesign("https://learn.edume.com/e/d/?g=12345&e=employee-id")).endsWith(
                "&sig=eba5e251dfbc677af0f12628eed30a307ec4d8d94f970c207ea8cf699fe58811");
        assertThat(signedByTheDesign("https://learn.edume.com/e/c/123?g=5&e=abc123")).endsWith(
                "&sig=63322bc9065484b95b8cd9dc9fa869559f22533784779ba7c233a16b1686a410");
    }

    @Test
    void aDashboardJobGivesALearnerOneTeamDashboardLinkAsTheDesignVectorHasIt() {
        assertThat(links(dashboard(), "employee-id", 12345L)).containsExactly(new IssuedLink(LinkKind.DASHBOARD, "",
                "https://learn.edume.com/e/d/?g=12345&e=employee-id"
                        + "&sig=eba5e251dfbc677af0f12628eed30a307ec4d8d94f970c207ea8cf699fe58811"));
    }

    @Test
    void aLearnerOfSeveralTeamsJoinsThemAllFromTheDashboardLinkCommaSeparated() throws Exception {
        assertThat(links(dashboard(), "E1", 9L, 5L)).containsExactly(new IssuedLink(LinkKind.DASHBOARD, "",
                signedByTheDesign(BASE + "/e/d/?g=9,5&e=E1")));
    }

    @Test
    void aCourseJobGivesALearnerACourseLinkAsTheDesignVectorHasIt() {
        LinkIssuer issuer = issuer(LinkKind.COURSE, null, List.of(123L), CATALOG);

        assertThat(links(issuer, "abc123", 5L)).containsExactly(new IssuedLink(LinkKind.COURSE, "123",
                "https://learn.edume.com/e/c/123?g=5&e=abc123"
                        + "&sig=63322bc9065484b95b8cd9dc9fa869559f22533784779ba7c233a16b1686a410"));
    }

    @Test
    void aKnowledgeHubJobGivesALinkToTheHubThatJoinsNoTeam() throws Exception {
        LinkIssuer issuer = issuer(LinkKind.KNOWLEDGE_HUB, "hub-7", List.of(), CATALOG);

        assertThat(links(issuer, "E1", 5L, 9L)).containsExactly(new IssuedLink(LinkKind.KNOWLEDGE_HUB, "hub-7",
                signedByTheDesign(BASE + "/e/kh/hub-7?e=E1")));
    }

    @Test
    void listedCoursesFollowTheMainLinkInTheOrderTheJobListsThem() throws Exception {
        List<IssuedLink> links = links(dashboard(300L, 123L), "E1", 5L, 9L);

        assertThat(links).containsExactly(
                new IssuedLink(LinkKind.DASHBOARD, "", signedByTheDesign(BASE + "/e/d/?g=5,9&e=E1")),
                new IssuedLink(LinkKind.COURSE, "300", signedByTheDesign(BASE + "/e/c/300?g=9&e=E1")),
                new IssuedLink(LinkKind.COURSE, "123", signedByTheDesign(BASE + "/e/c/123?g=5&e=E1")));
    }

    @Test
    void aCourseLinkJoinsOnlyTheLearnersTeamsOfTheCoursesGroup() throws Exception {
        assertThat(links(dashboard(123L), "E1", 9L, 5L, 6L)).extracting(IssuedLink::url).last()
                .isEqualTo(signedByTheDesign(BASE + "/e/c/123?g=5,6&e=E1"));
    }

    @Test
    void anUnpublishedCourseOrOneNotInTheCatalogGivesNoLink() {
        assertThat(links(dashboard(124L, 999L, 123L), "E1", 5L)).extracting(IssuedLink::key)
                .containsExactly("dashboard/", "course/123");
    }

    @Test
    void aCourseOfAGroupNoneOfTheLearnersTeamsBelongsToGivesThemNoLink() {
        assertThat(links(dashboard(300L), "E1", 5L, 6L)).extracting(IssuedLink::key).containsExactly("dashboard/");
    }

    @Test
    void aCourseWebhooksAssignedToSomeTeamsReachesOnlyLearnersOfThoseTeamsAndJoinsOnlyThem() throws Exception {
        assertThat(links(dashboard(125L), "E1", 5L)).extracting(IssuedLink::key).containsExactly("dashboard/");
        assertThat(links(dashboard(125L), "E2", 5L, 6L)).last()
                .isEqualTo(new IssuedLink(LinkKind.COURSE, "125", signedByTheDesign(BASE + "/e/c/125?g=6&e=E2")));
    }

    @Test
    void aCourseJobGivesALearnerWhomNoListedCourseReachesNoLinkAtAll() {
        LinkIssuer issuer = issuer(LinkKind.COURSE, null, List.of(123L, 124L), CATALOG);

        assertThat(links(issuer, "E1", 9L)).isEmpty();
        assertThat(issuer.plan(List.of(9L)).count()).isZero();
    }

    @Test
    void aUserIdIsPercentEncodedSoItCannotAddAParameter() throws Exception {
        assertThat(links(dashboard(123L), "abc&g=999", 5L)).extracting(IssuedLink::url).containsExactly(
                signedByTheDesign(BASE + "/e/d/?g=5&e=abc%26g%3D999"),
                signedByTheDesign(BASE + "/e/c/123?g=5&e=abc%26g%3D999"));
    }

    @Test
    void thePlanCountsTheLinksAndChangesWhenACourseIsUnpublished() {
        LinkIssuer before = issuer(LinkKind.DASHBOARD, null, List.of(123L), catalog(COURSE_123));
        Course unpublished = new Course(123, 101, "c123", "Safety", false);
        LinkIssuer after = issuer(LinkKind.DASHBOARD, null, List.of(123L), catalog(unpublished));

        assertThat(before.plan(List.of(5L)).count()).isEqualTo(2);
        assertThat(after.plan(List.of(5L)).count()).isEqualTo(1);
        assertThat(after.plan(List.of(5L)).key()).isNotEqualTo(before.plan(List.of(5L)).key());
        assertThat(before.plan(List.of(5L))).isEqualTo(before.plan(List.of(5L)));
    }

    @Test
    void thePlanChangesWhenTheLearnersTeamsDo() {
        LinkIssuer issuer = dashboard(123L);

        assertThat(issuer.plan(List.of(5L)).key()).isNotEqualTo(issuer.plan(List.of(5L, 6L)).key())
                .isNotEqualTo(issuer.plan(List.of(6L)).key());
    }

    @Test
    void theSettingsKeyChangesWithTheKindTheHubAndTheCourses() {
        String key = dashboard(123L).settingsKey();

        assertThat(dashboard().settingsKey()).isNotEqualTo(key);
        assertThat(dashboard(123L, 300L).settingsKey()).isNotEqualTo(key);
        assertThat(issuer(LinkKind.COURSE, null, List.of(123L), CATALOG).settingsKey()).isNotEqualTo(key);
        assertThat(issuer(LinkKind.KNOWLEDGE_HUB, "hub-1", List.of(123L), CATALOG).settingsKey())
                .isNotEqualTo(issuer(LinkKind.KNOWLEDGE_HUB, "hub-2", List.of(123L), CATALOG).settingsKey());
        assertThat(dashboard(123L).settingsKey()).isEqualTo(key);
    }
}
