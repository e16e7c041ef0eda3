package com.example.hublinks.link;

import com.example.hublinks.HublinksProperties;
import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.catalog.CatalogSnapshot;
import com.example.hublinks.roster.Learner;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Step {@code signLinks}' processor: a learner's links for tonight, signed. The job's main link
 * (team dashboard or knowledge hub), then one per course in {@code links.courses} that is
 * published and assigned to the learner's team (see Catalog#assignedTeams). Pure: same learner, catalog and secret,
 * same links, which is what makes restarts and "unchanged" nights work.
 */
public class LinkIssuer implements ItemProcessor<Learner, LearnerLinks> {

    private final LinkSigner signer;
    private final HublinksProperties.Links settings;
    private final Catalog catalog;

    public LinkIssuer(LinkSigner signer, HublinksProperties.Links settings, Catalog catalog) {
        this.signer = signer;
        this.settings = settings;
        this.catalog = catalog;
    }

    @Override
    public LearnerLinks process(Learner learner) {
        List<IssuedLink> links = new ArrayList<>(1 + settings.courses().size());
        String user = learner.externalUserId();
        switch (settings.kind()) {
            case DASHBOARD -> links.add(issue(LinkTarget.dashboard(learner.teamIds()), user));
            case KNOWLEDGE_HUB -> links.add(issue(new LinkTarget(LinkKind.KNOWLEDGE_HUB, settings.hubId(), List.of()), user));
            default -> {
                // course: the links are the per-course ones below
            }
        }
        for (Long courseId : settings.courses()) {
            CatalogSnapshot.Course course = catalog.course(courseId);
            if (course == null || !course.published()) {
                continue;
            }
            List<Long> teams = catalog.assignedTeams(learner.teamIds(), course);
            if (!teams.isEmpty()) {
                links.add(issue(new LinkTarget(LinkKind.COURSE, String.valueOf(courseId), teams), user));
            }
        }
        return new LearnerLinks(learner, links);
    }

    private IssuedLink issue(LinkTarget target, String user) {
        return new IssuedLink(target.kind(), target.targetId(), signer.link(target, user));
    }
}
