package com.example.hublinks.link;

import com.example.hublinks.link.LinkRepository.Changed;
import com.example.hublinks.link.LinkRepository.Keyed;
import com.example.hublinks.link.LinkRepository.StoredLink;
import com.example.hublinks.support.KeyLookup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Step {@code signLinks}' writer of links: compares tonight's links of the delta's learners with
 * the stored ones and writes only the difference. A new link is inserted as {@code new}; a
 * different URL (a team move) becomes {@code changed}; a returning leaver's same link is live again
 * as {@code unchanged}; an identical link is not written at all. Counts each kind, in the step's
 * saved state, so that the report adds them up without reading the link table.
 */
public class LinkStateWriter implements ItemStreamWriter<LearnerLinks> {

    /** Keys of the step's context: links written new, changed, found unchanged, removed (courses lost). */
    public static final List<String> COUNTS = List.of("links.new", "links.changed", "links.unchanged", "links.removed");

    private final LinkRepository repository;
    private final String job;
    private final LocalDate runDate;
    private final KeyLookup lookup;
    private final long[] counts = new long[COUNTS.size()];


    public LinkStateWriter(LinkRepository repository, String job, LocalDate runDate, KeyLookup lookup) {
        this.repository = repository;
        this.job = job;
        this.runDate = runDate;
        this.lookup = lookup;
    }

    @Override
    public void open(ExecutionContext context) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = context.getLong(COUNTS.get(i), 0);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        for (int i = 0; i < counts.length; i++) {
            context.putLong(COUNTS.get(i), counts[i]);
        }
    }

    /** An identical link counts as what it is tonight: new or changed by an earlier attempt of this night, else unchanged. */
    private int stateTonight(StoredLink link) {
        if (link.lastChanged().equals(runDate)) {
            return link.state().equals("new") ? 0 : link.state().equals("changed") ? 1 : 2;
        }
        return 2;
    }

    @Override
    public void write(Chunk<? extends LearnerLinks> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        List<String> ids = chunk.getItems().stream().map(item -> item.learner().externalUserId()).toList();
        Map<String, Map<String, StoredLink>> stored = lookup == KeyLookup.NONE ? Map.of()
                : repository.linksOf(job, ids, lookup == KeyLookup.RANGE);
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
                } else {
                    counts[stateTonight(old)]++;
                }
            }
            previous.values().stream().filter(old -> !old.state().equals("removed")).forEach(removals::add);
        }
        repository.insert(job, runDate, inserts);
        repository.update(job, runDate, updates);
        repository.remove(job, runDate, removals);
        counts[0] += inserts.size();
        counts[1] += updates.stream().filter(u -> u.state().equals("changed")).count();
        counts[2] += updates.stream().filter(u -> u.state().equals("unchanged")).count();
        counts[3] += removals.size();
    }
}
