package com.example.hublinks.campaign;

import java.util.function.Predicate;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/** Passes to one channel's file writer only the rows that channel can reach (an email for email.csv…). */
public class ChannelWriter implements ItemStreamWriter<CampaignRow> {

    private final Predicate<CampaignRow> reachable;
    private final ItemStreamWriter<CampaignRow> file;

    public ChannelWriter(Predicate<CampaignRow> reachable, ItemStreamWriter<CampaignRow> file) {
        this.reachable = reachable;
        this.file = file;
    }

    @Override
    public void write(Chunk<? extends CampaignRow> chunk) throws Exception {
        Chunk<CampaignRow> selected = new Chunk<>();
        for (CampaignRow row : chunk) {
            if (reachable.test(row)) {
                selected.add(row);
            }
        }
        file.write(selected);
    }

    @Override
    public void open(ExecutionContext context) {
        file.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        file.update(context);
    }

    @Override
    public void close() {
        file.close();
    }
}
