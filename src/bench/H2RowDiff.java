import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a night wrote to hublinks' own tables of an H2 file database, for src/bench/benchmark.sh:
 * compares the database before the night (a saved copy) with the one after it, table by table,
 * each read in H2's row-id order and merged, and prints a line per table with rows inserted (a
 * row id only after), deleted (a row id only before) and changed (the same row id and primary
 * key, another value in some column), then a total line. An update keeps its row's id, a row
 * deleted and inserted again gets a new one (counted 2, as PostgreSQL counts it). Spring Batch's
 * BATCH_*, Spring Integration's INT_* and Flyway's history are left out. A net count: a row
 * inserted and deleted in the same night counts 0, a row updated twice 1, one updated to the
 * values it had 0, where PostgreSQL's statistics count each write.
 * <pre>
 *   javac -cp h2.jar -d classes src/bench/H2RowDiff.java
 *   java -cp h2.jar:classes H2RowDiff BEFORE AFTER    (database files without .mv.db; BEFORE "-": none)
 * </pre>
 * Both are opened read-only and never changed.
 */
public final class H2RowDiff {

    private H2RowDiff() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: H2RowDiff BEFORE|- AFTER   (H2 database files without .mv.db)");
            System.exit(2);
        }
        try (Connection before = args[0].equals("-") ? null : open(args[0]); Connection after = open(args[1])) {
            Map<String, List<String>> tablesAfter = tables(after);
            Map<String, List<String>> tablesBefore = before == null ? Map.of() : tables(before);
            long[] total = new long[3];
            List<String> names = new ArrayList<>(tablesAfter.keySet());
            tablesBefore.keySet().stream().filter(t -> !tablesAfter.containsKey(t)).forEach(names::add);
            for (String table : names) {
                List<String> key = tablesAfter.getOrDefault(table, tablesBefore.get(table));
                long[] counts = diff(tablesBefore.containsKey(table) ? before : null,
                        tablesAfter.containsKey(table) ? after : null, table, key);
                System.out.printf("%s %d %d %d%n", table.toLowerCase(), counts[0], counts[1], counts[2]);
                for (int i = 0; i < 3; i++) {
                    total[i] += counts[i];
                }
            }
            System.out.printf("total %d %d %d%n", total[0], total[1], total[2]);
        }
    }

    private static Connection open(String file) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + java.nio.file.Path.of(file).toAbsolutePath() + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r;LAZY_QUERY_EXECUTION=1", "sa", "");
    }

    /** hublinks' tables of the PUBLIC schema and their primary-key columns, in order. */
    private static Map<String, List<String>> tables(Connection db) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select t.table_name, k.column_name"
                + " from information_schema.tables t left join information_schema.table_constraints c"
                + " on c.table_schema = t.table_schema and c.table_name = t.table_name and c.constraint_type = 'PRIMARY KEY'"
                + " left join information_schema.key_column_usage k on k.constraint_schema = c.constraint_schema"
                + " and k.constraint_name = c.constraint_name"
                + " where t.table_schema = 'PUBLIC' and t.table_type = 'BASE TABLE'"
                + " and upper(t.table_name) not like 'BATCH\\_%' and upper(t.table_name) not like 'INT\\_%'"
                + " and lower(t.table_name) <> 'flyway_schema_history'"
                + " order by t.table_name, k.ordinal_position")) {
            while (rs.next()) {
                List<String> key = tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>());
                if (rs.getString(2) != null) {
                    key.add(rs.getString(2));
                }
            }
        }
        return tables;
    }

    /** Inserted, deleted and changed rows of one table; a side that is null has no such table (no rows). */
    private static long[] diff(Connection before, Connection after, String table, List<String> key) throws Exception {
        long[] counts = new long[3];
        try (Side b = new Side(before, table, key); Side a = new Side(after, table, key)) {
            Row x = b.next();
            Row y = a.next();
            while (x != null || y != null) {
                int order = x == null ? 1 : y == null ? -1 : Long.compare(x.id, y.id);
                if (order < 0) {
                    counts[1]++; // deleted
                    x = b.next();
                } else if (order > 0) {
                    counts[0]++; // inserted
                    y = a.next();
                } else {
                    if (!Arrays.equals(x.key, y.key)) {
                        counts[1]++; // H2 gave a deleted row's id to another
                        counts[0]++;
                    } else if (!Arrays.equals(x.values, y.values)) {
                        counts[2]++; // changed
                    }
                    x = b.next();
                    y = a.next();
                }
            }
        }
        return counts;
    }

    /** A row: H2's row id, its primary key's values and all its values as text. */
    private record Row(long id, String[] key, String[] values) {
    }

    private static final List<Row> END = List.of();

    /**
     * One database's rows of a table in row-id order (the order H2 stores them in: a sequential
     * read, where primary-key order is an index lookup per row), read by a thread of its own so
     * that both databases are read at once.
     */
    private static final class Side implements AutoCloseable {

        private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(8);
        private final Thread reader;
        private List<Row> batch = new ArrayList<>();
        private int next;
        private long lastId = Long.MIN_VALUE;
        private volatile boolean closed;

        Side(Connection db, String table, List<String> keyNames) {
            if (db == null) {
                reader = null;
                batch = END;
                return;
            }
            if (keyNames.isEmpty()) {
                throw new IllegalStateException(table + " has no primary key: this count needs one");
            }
            reader = new Thread(() -> read(db, table, keyNames), "read " + table);
            reader.setDaemon(true);
            reader.start();
        }

        private void read(Connection db, String table, List<String> keyNames) {
            try (Statement statement = db.createStatement()) {
                statement.setFetchSize(10_000);
                ResultSet rows = statement.executeQuery("select _rowid_, * from \"" + table + "\" order by _rowid_");
                ResultSetMetaData meta = rows.getMetaData();
                int columns = meta.getColumnCount();
                int[] keyPositions = new int[keyNames.size()];
                for (int k = 0; k < keyPositions.length; k++) {
                    for (int i = 2; i <= columns; i++) {
                        if (meta.getColumnName(i).equals(keyNames.get(k))) {
                            keyPositions[k] = i - 2;
                        }
                    }
                }
                boolean[] binary = new boolean[columns + 1];
                for (int i = 2; i <= columns; i++) {
                    int type = meta.getColumnType(i);
                    binary[i] = type == Types.BINARY || type == Types.VARBINARY || type == Types.BLOB
                            || type == Types.LONGVARBINARY;
                }
                List<Row> out = new ArrayList<>(1000);
                while (rows.next() && !closed) {
                    String[] values = new String[columns - 1];
                    for (int i = 2; i <= columns; i++) {
                        values[i - 2] = binary[i] ? hex(rows.getBytes(i)) : rows.getString(i);
                    }
                    String[] key = new String[keyPositions.length];
                    for (int k = 0; k < key.length; k++) {
                        key[k] = values[keyPositions[k]];
                    }
                    out.add(new Row(rows.getLong(1), key, values));
                    if (out.size() == 1000) {
                        batches.put(out);
                        out = new ArrayList<>(1000);
                    }
                }
                batches.put(out);
                batches.put(END);
            } catch (Exception e) {
                try {
                    batches.put(e);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @SuppressWarnings("unchecked")
        Row next() throws Exception {
            while (next == batch.size()) {
                if (batch == END) {
                    return null;
                }
                Object taken = batches.take();
                if (taken instanceof Exception e) {
                    throw e;
                }
                batch = (List<Row>) taken;
                next = 0;
            }
            Row row = batch.get(next++);
            if (row.id <= lastId) {
                throw new IllegalStateException("H2 returned row ids out of order: " + lastId + " before " + row.id);
            }
            lastId = row.id;
            return row;
        }

        private static String hex(byte[] bytes) {
            return bytes == null ? null : java.util.HexFormat.of().formatHex(bytes);
        }

        @Override
        public void close() {
            closed = true;
            if (reader != null) {
                batches.clear();
                reader.interrupt();
                try {
                    reader.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
