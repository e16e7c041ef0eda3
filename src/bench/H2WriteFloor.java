import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The floor under night 1 on H2 (README, "Performance"): only the rows a first night of ROWS
 * learners must write, with nothing else — no roster, no validation, no signing, no Spring —
 * into a new H2 file database with hublinks' own tables and indexes (V1's learner_link, V9's
 * learner, importRoster's delta table), in id order, a commit every 1,000 rows as hublinks' chunks:
 *
 *   javac -cp h2.jar -d out src/bench/H2WriteFloor.java && java -Xmx256m -cp h2.jar:out H2WriteFloor DIR [ROWS]
 *
 * Prints the seconds each table took. Values are of the sizes a generated roster has.
 */
public class H2WriteFloor {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("floor.mv.db"));
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath() + "/floor", "sa", "")) {
            db.setAutoCommit(false);
            try (Statement ddl = db.createStatement()) {
                ddl.execute("create table roster_delta (external_user_id varchar(255) not null primary key, line_no bigint"
                        + " not null, first_name varchar(255), last_name varchar(255), email varchar(320), phone varchar(32),"
                        + " team_ids varchar(255) not null, locale varchar(35), fingerprint bigint not null)");
                ddl.execute("create table learner (job_name varchar(100) not null, external_user_id varchar(255) not null,"
                        + " line_no bigint not null, first_name varchar(255), last_name varchar(255), email varchar(320),"
                        + " phone varchar(32), team_ids varchar(255) not null, locale varchar(35), fingerprint bigint,"
                        + " first_seen date not null, last_changed date not null, removed_on date,"
                        + " primary key (job_name, external_user_id))");
                ddl.execute("create index learner_fingerprint on learner (job_name, removed_on, external_user_id, fingerprint)");
                ddl.execute("create table learner_link (job_name varchar(100) not null, external_user_id varchar(255) not null,"
                        + " kind varchar(20) not null, target_id varchar(100) not null, url varchar(2000) not null,"
                        + " state varchar(10) not null, first_issued date not null, last_changed date not null,"
                        + " removed_on date, primary key (job_name, external_user_id, kind, target_id))");
                ddl.execute("create index learner_link_state on learner_link (job_name, state)");
            }
            db.commit();
            Date day = Date.valueOf("2026-02-01");
            time("roster_delta", rows, db, "insert into roster_delta values (?, ?, ?, ?, ?, ?, ?, ?, ?)", (s, i, id) -> {
                s.setString(1, id);
                s.setLong(2, i + 2);
                person(s, 3, i);
                s.setLong(9, i * 0x9E3779B97F4A7C15L);
            });
            time("learner", rows, db, "insert into learner values ('bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)", (s, i, id) -> {
                s.setString(1, id);
                s.setLong(2, i + 2);
                person(s, 3, i);
                s.setLong(9, i * 0x9E3779B97F4A7C15L);
                s.setDate(10, day);
                s.setDate(11, day);
            });
            time("learner_link", rows, db, "insert into learner_link values ('bench', ?, 'dashboard', ?, ?, 'new', ?, ?, null)",
                    (s, i, id) -> {
                        s.setString(1, id);
                        s.setString(2, String.valueOf(i % 5 + 1));
                        s.setString(3, "https://learn.edume.com/e/d/?g=" + (i % 5 + 1) + "&e=" + id
                                + "&sig=" + "0123456789abcdef".repeat(4));
                        s.setDate(4, day);
                        s.setDate(5, day);
                    });
        }
    }

    interface Row {
        void bind(PreparedStatement statement, int i, String id) throws Exception;
    }

    private static void person(PreparedStatement s, int from, int i) throws Exception {
        s.setString(from, "Amelia");
        s.setString(from + 1, "Taylor");
        s.setString(from + 2, "amelia.taylor." + i + "@example.com");
        s.setString(from + 3, "+447958" + String.format("%06d", i % 1_000_000));
        s.setString(from + 4, String.valueOf(i % 5 + 1));
        s.setString(from + 5, "en");
    }

    private static void time(String table, int rows, Connection db, String sql, Row row) throws Exception {
        long start = System.nanoTime();
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            for (int i = 0; i < rows; i++) {
                row.bind(insert, i, String.format("E%07d", i + 1));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                    db.commit();
                }
            }
            insert.executeBatch();
            db.commit();
        }
        System.out.printf("%-13s %,d rows in %.1f s%n", table, rows, (System.nanoTime() - start) / 1e9);
    }
}
