package com.example.hublinks.ops;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every row of {@code learner_link}, in a stable order, as text: two nights' links compare equal or not. */
final class RemotePartitioningLinks {

    private RemotePartitioningLinks() {
    }

    static List<String> of(JdbcTemplate db) {
        return db.query("select job_name, external_user_id, kind, target_id, url, state, first_issued,"
                + " last_changed, removed_on from learner_link order by external_user_id, kind, target_id", (rs, i) -> {
            StringBuilder row = new StringBuilder();
            for (int column = 1; column <= 9; column++) {
                row.append(rs.getString(column)).append('|');
            }
            return row.toString();
        });
    }
}
