package com.example.hublinks.campaign;

import com.example.hublinks.link.IssuedLink;
import com.example.hublinks.link.LinkKind;
import com.example.hublinks.link.LinkRepository.StoredLink;
import com.example.hublinks.link.LinkRepository;
import com.example.hublinks.roster.Learner;
import com.example.hublinks.roster.LearnerRepository;
import com.example.hublinks.support.JobSettings;
import com.example.hublinks.support.OutputDirectory;
import com.example.hublinks.support.SettingsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code hublinks preview}: one learner's campaign email, rendered with the job's templates from
 * their live links and their stored roster values, written as HTML and text files (owner-only:
 * they hold the learner's real link) so that comms can check a campaign before the night.
 */
@Component
public class EmailPreview {

    private final LearnerRepository learners;
    private final LinkRepository links;
    private final JobSettings job;
    private final CampaignSettings campaign;

    public EmailPreview(LearnerRepository learners, LinkRepository links, JobSettings job, CampaignSettings campaign) {
        this.learners = learners;
        this.links = links;
        this.job = job;
        this.campaign = campaign;
    }

    /** One rendered email and the files it was written to. */
    public record Preview(RenderedEmail email, Path html, Path text) {
    }

    public List<Preview> write(String externalUserId, Path dir) {
        String job = this.job.name();
        Learner learner = learners.live(job, externalUserId).orElse(null);
        List<CampaignRow> rows = learner == null ? List.of() : links.linksOf(job, List.of(externalUserId), true)
                .getOrDefault(externalUserId, Map.of()).values().stream()
                .filter(link -> !link.state().equals("removed"))
                .sorted(Comparator.comparing(StoredLink::kind).thenComparing(StoredLink::targetId))
                .map(link -> new CampaignRow(learner, new IssuedLink(LinkKind.fromSettingName(link.kind()),
                        link.targetId(), link.url()), link.state()))
                .toList();
        if (rows.isEmpty()) {
            throw new SettingsException("--user", "'" + externalUserId + "' has no live link in job "
                    + job + ": run a night first (hublinks run), or check the id in the roster");
        }
        EmailTemplates templates = new EmailTemplates(campaign.email());
        OutputDirectory out = new OutputDirectory(dir).create();
        String base = externalUserId.replaceAll("[^A-Za-z0-9._-]", "_");
        List<Preview> previews = new ArrayList<>();
        for (CampaignRow row : rows) {
            String name = rows.size() == 1 ? base : base + "-" + row.link().kind().settingName()
                    + (row.link().targetId().isEmpty() ? "" : "-" + row.link().targetId());
            RenderedEmail email = templates.render(row);
            out.write(name + ".html", email.html());
            out.write(name + ".txt", email.text());
            previews.add(new Preview(email, out.file(name + ".html"), out.file(name + ".txt")));
        }
        return previews;
    }
}
