import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a night wrote to hublinks' own tables of an H2 file database, for src/bench/benchmark.sh:
 * compares the database before the night (a saved copy) with the one after it, table by table,
 * each read in primary-key order and merged, and prints a line per table with rows inserted
 * (a key only after), deleted (a key only before) and changed (the same key, another value in
 * some column), then a total line. Spring Batch's BATCH_*, Spring Integration's INT_* and
 * Flyway's history are left out. A net count: a row inserted and deleted in the same night, or
 * updated twice, counts as it ends up (0 and 1), where PostgreSQL's statistics count each write.
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
        return DriverManager.getConnection("jdbc:h2:file:" + file + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r;LAZY_QUERY_EXECUTION=1", "sa", "");
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
    private static long[] diff(Connection before, Connection after, String table, List<String> key) throws SQLException {
        long[] counts = new long[3];
        try (Side b = new Side(before, table, key); Side a = new Side(after, table, key)) {
            boolean hasB = b.next();
            boolean hasA = a.next();
            while (hasB || hasA) {
                int order = !hasB ? 1 : !hasA ? -1 : compare(b.key, a.key);
                if (order < 0) {
                    counts[1]++; // deleted
                    hasB = b.next();
                } else if (order > 0) {
                    counts[0]++; // inserted
                    hasA = a.next();
                } else {
                    if (!Arrays.equals(b.values, a.values)) {
                        counts[2]++; // changed
                    }
                    hasB = b.next();
                    hasA = a.next();
                }
            }
        }
        return counts;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object[] x, Object[] y) {
        for (int i = 0; i < x.length; i++) {
            int c;
            if (x[i] == null || y[i] == null) {
                c = x[i] == null ? (y[i] == null ? 0 : -1) : 1;
            } else if (x[i].getClass() == y[i].getClass() && x[i] instanceof Comparable) {
                c = ((Comparable) x[i]).compareTo(y[i]);
            } else {
                c = x[i].toString().compareTo(y[i].toString());
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** One database's rows of a table in primary-key order. */
    private static final class Side implements AutoCloseable {

        private final Statement statement;
        private final ResultSet rows;
        private int keyColumns;
        private int columns;
        Object[] key;
        String[] values;
        private Object[] previous;

        Side(Connection db, String table, List<String> keyNames) throws SQLException {
            if (db == null) {
                statement = null;
                rows = null;
                return;
            }
            String order = keyNames.isEmpty() ? null
                    : String.join(", ", keyNames.stream().map(c -> '"' + c + '"').toList());
            statement = db.createStatement();
            statement.setFetchSize(10_000);
            rows = statement.executeQuery("select * from \"" + table + "\""
                    + (order == null ? "" : " order by " + order));
            ResultSetMetaData meta = rows.getMetaData();
            columns = meta.getColumnCount();
            List<Integer> positions = new ArrayList<>();
            for (String name : keyNames) {
                for (int i = 1; i <= columns; i++) {
                    if (meta.getColumnName(i).equals(name)) {
                        positions.add(i);
                    }
                }
            }
            if (keyNames.isEmpty()) {
                throw new SQLException(table + " has no primary key: this count needs one");
            }
            keyPositions = positions.stream().mapToInt(Integer::intValue).toArray();
            keyColumns = keyPositions.length;
            binary = new boolean[columns + 1];
            for (int i = 1; i <= columns; i++) {
                int type = meta.getColumnType(i);
                binary[i] = type == Types.BINARY || type == Types.VARBINARY || type == Types.BLOB
                        || type == Types.LONGVARBINARY;
            }
        }

        private int[] keyPositions;
        private boolean[] binary;

        boolean next() throws SQLException {
            if (rows == null || !rows.next()) {
                return false;
            }
            key = new Object[keyColumns];
            for (int i = 0; i < keyColumns; i++) {
                key[i] = rows.getObject(keyPositions[i]);
            }
            if (previous != null && compare(previous, key) >= 0) {
                throw new SQLException("H2 ordered the keys of a table otherwise than this comparison: "
                        + Arrays.toString(previous) + " before " + Arrays.toString(key));
            }
            previous = key;
            values = new String[columns];
            for (int i = 1; i <= columns; i++) {
                values[i - 1] = binary[i] ? hex(rows.getBytes(i)) : rows.getString(i);
            }
            return true;
        }

        private static String hex(byte[] bytes) {
            return bytes == null ? null : java.util.HexFormat.of().formatHex(bytes);
        }

        @Override
        public void close() throws SQLException {
            if (statement != null) {
                statement.close();
            }
        }
    }
}
