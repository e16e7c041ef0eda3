package com.example.hublinks.link;

import com.example.hublinks.link.LinkRepository.Changed;
import com.example.hublinks.link.LinkRepository.Keyed;
import com.example.hublinks.link.LinkRepository.StoredLink;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Step {@code signLinks}' writer: compares tonight's links with the stored ones, one range query
 * per chunk, and writes only the difference. A new link is inserted as {@code new}; a different URL
 * (a team move) becomes {@code changed}; a returning leaver's same link is live again as
 * {@code unchanged}; an identical link is not written at all.
 */
public class LinkStateWriter implements ItemWriter<LearnerLinks> {

    private final LinkRepository repository;
    private final String job;
    private final LocalDate runDate;

    public LinkStateWriter(LinkRepository repository, String job, LocalDate runDate) {
        this.repository = repository;
        this.job = job;
        this.runDate = runDate;
    }

    @Override
    public void write(Chunk<? extends LearnerLinks> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        // the learner reader reads in user id order: the chunk's ids lie between its first and last
        List<? extends LearnerLinks> items = chunk.getItems();
        Map<String, Map<String, StoredLink>> stored = repository.linksBetween(job,
                items.get(0).learner().externalUserId(), items.get(items.size() - 1).learner().externalUserId());
        List<Keyed> inserts = new ArrayList<>();
        List<Changed> updates = new ArrayList<>();
        List<StoredLink> removals = new ArrayList<>();
        for (LearnerLinks item : chunk) {
            String user = item.learner().externalUserId();
            Map<String, StoredLink> previous = new HashMap<>(stored.getOrDefault(user, Map.of()));
            for (IssuedLink link : item.links()) {
                StoredLink old = previous.remove(link.key());
                if (old == null) {
                    inserts.add(new Keyed(user, link));
                } else if (!old.url().equals(link.url())) {
                    updates.add(new Changed(old, link.url(), "changed"));
                } else if (old.state().equals("removed")) {
                    updates.add(new Changed(old, link.url(), "unchanged"));
                }
            }
            previous.values().stream().filter(old -> !old.state().equals("removed")).forEach(removals::add);
        }
        repository.insert(job, runDate, inserts);
        repository.update(job, runDate, updates);
        repository.remove(job, runDate, removals);
    }
}
