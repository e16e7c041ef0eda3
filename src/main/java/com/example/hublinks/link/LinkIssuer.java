package com.example.hublinks.link;

import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.catalog.CatalogSnapshot;
import com.example.hublinks.roster.PlannedLinks;
import com.example.hublinks.roster.StagedLearner;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Step {@code signLinks}' processor: a learner's links for tonight, signed. The job's main link
 * (team dashboard or knowledge hub), then one per course in {@code links.courses} that is
 * published and assigned to the learner's team (see Catalog#assignedTeams). Pure: same learner, catalog and secret,
 * same links, which is what makes restarts and "unchanged" nights work.
 */
public class LinkIssuer implements ItemProcessor<StagedLearner, LearnerLinks> {

    private final LinkSigner signer;
    private final LinkSettings settings;
    private final Catalog catalog;

    public LinkIssuer(LinkSigner signer, LinkSettings settings, Catalog catalog) {
        this.signer = signer;
        this.settings = settings;
        this.catalog = catalog;
    }

    @Override
    public LearnerLinks process(StagedLearner staged) {
        String user = staged.learner().externalUserId();
        List<IssuedLink> links = new ArrayList<>(1 + settings.courses().size());
        for (LinkTarget target : targets(staged.learner().teamIds())) {
            links.add(new IssuedLink(target.kind(), target.targetId(), signer.link(target, user)));
        }
        return new LearnerLinks(staged, links);
    }

    /** What a learner of these teams gets tonight, before signing: the input of their links besides their id. */
    public List<LinkTarget> targets(List<Long> teamIds) {
        List<LinkTarget> targets = new ArrayList<>(1 + settings.courses().size());
        switch (settings.kind()) {
            case DASHBOARD -> targets.add(LinkTarget.dashboard(teamIds));
            case KNOWLEDGE_HUB -> targets.add(new LinkTarget(LinkKind.KNOWLEDGE_HUB, settings.hubId(), List.of()));
            default -> {
                // course: the links are the per-course ones below
            }
        }
        for (Long courseId : settings.courses()) {
            CatalogSnapshot.Course course = catalog.course(courseId);
            if (course == null || !course.published()) {
                continue;
            }
            List<Long> teams = catalog.assignedTeams(teamIds, course);
            if (!teams.isEmpty()) {
                targets.add(new LinkTarget(LinkKind.COURSE, String.valueOf(courseId), teams));
            }
        }
        return targets;
    }

    /** {@link #targets} for the roster's change detection: as one string, and how many links. */
    public PlannedLinks plan(List<Long> teamIds) {
        List<LinkTarget> targets = targets(teamIds);
        return new PlannedLinks(targets.stream().map(t -> t.kind().settingName() + "/" + t.targetId() + "/" + t.teams())
                .collect(Collectors.joining(";")), targets.size());
    }

    /** The settings every link depends on, for the roster's change detection (the secret is in its key). */
    public String settingsKey() {
        return signer.format().baseUrl() + "|" + settings.kind().settingName() + "|" + settings.hubId() + "|"
                + settings.courses();
    }
}
