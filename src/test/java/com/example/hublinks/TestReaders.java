package com.example.hublinks;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** Drains a Spring Batch reader the way a step would: open, read to the end, close. */
public final class TestReaders {

    private TestReaders() {
    }

    public static <T> List<T> readAll(ItemStreamReader<T> reader) throws Exception {
        List<T> items = new ArrayList<>();
        try {
            reader.open(new ExecutionContext());
            for (T item; (item = reader.read()) != null; ) {
                items.add(item);
            }
        } finally {
            reader.close();
        }
        return items;
    }
}
