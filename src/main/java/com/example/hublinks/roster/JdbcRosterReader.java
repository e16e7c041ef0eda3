package com.example.hublinks.roster;

import com.example.hublinks.roster.RosterSettings.Columns;
import com.example.hublinks.support.SettingsException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.item.support.AbstractItemStreamItemReader;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code roster.source: jdbc}: HR's query ({@code hublinks.roster.jdbc.query}) over its own
 * connection (never the application's database), read by a paging reader sorted on the external
 * user id column — the unique key a restart resumes from. Columns are found by name like the CSV
 * header, ignoring case. A row's "line" is its position in the query's result in id order, so
 * rejects point at the N-th learner of the query.
 */
class JdbcRosterReader extends AbstractItemStreamItemReader<RosterRow> {

    private static final String QUERY = "hublinks.roster.jdbc.query";

    private final JdbcPagingItemReader<RosterRow> delegate;
    private final DataSource dataSource;
    private final String query;
    private final Columns columns;
    private volatile String[] labels;

    public JdbcRosterReader(DataSource dataSource, RosterSettings settings, int pageSize) throws Exception {
        this.dataSource = dataSource;
        this.query = settings.jdbc().query().strip().replaceAll(";+$", "");
        this.columns = settings.columns();
        this.delegate = new JdbcPagingItemReaderBuilder<RosterRow>()
                .name("rosterReader")
                .dataSource(dataSource)
                .selectClause("select *")
                .fromClause("from (" + query + ") roster")
                .sortKeys(Map.of(columns.externalUserId(), Order.ASCENDING))
                .pageSize(pageSize)
                .rowMapper(this::map)
                .build();
    }

    /** The roster database's own connection, from {@code hublinks.roster.jdbc.*}; the password only from the environment. */
    public static DataSource dataSource(RosterSettings.Jdbc jdbc, UnaryOperator<String> environment) {
        if (jdbc.url() == null || jdbc.url().isBlank()) {
            throw new SettingsException("hublinks.roster.jdbc.url", "is required when hublinks.roster.source is jdbc");
        }
        if (jdbc.query() == null || jdbc.query().isBlank()) {
            throw new SettingsException(QUERY, "is required when hublinks.roster.source is jdbc");
        }
        String password = null;
        if (jdbc.passwordEnv() != null && !jdbc.passwordEnv().isBlank()) {
            password = environment.apply(jdbc.passwordEnv());
            if (password == null) {
                throw new SettingsException("hublinks.roster.jdbc.password-env", "the environment variable "
                        + jdbc.passwordEnv() + " that should hold the roster database's password is not set");
            }
        }
        return new DriverManagerDataSource(jdbc.url(), jdbc.username(), password);
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        labels = mapColumns();
        delegate.open(executionContext);
    }

    @Override
    public RosterRow read() throws Exception {
        RosterRow row = delegate.read();
        if (row == null) {
            return null;
        }
        return new RosterRow(delegate.getCurrentItemCount(), row.externalUserId(), row.firstName(), row.lastName(),
                row.email(), row.phone(), row.team(), row.locale());
    }

    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        delegate.update(executionContext);
    }

    @Override
    public void close() throws ItemStreamException {
        delegate.close();
    }

    private RosterRow map(ResultSet rs, int rowNum) throws SQLException {
        return new RosterRow(0, value(rs, 0), value(rs, 1), value(rs, 2), value(rs, 3), value(rs, 4), value(rs, 5),
                value(rs, 6));
    }

    private String value(ResultSet rs, int field) throws SQLException {
        return labels[field] == null ? "" : rs.getString(labels[field]);
    }

    /** Runs the query for no rows, to check it and find the mapped columns before any row is read. */
    private String[] mapColumns() {
        List<String> found;
        try {
            found = new JdbcTemplate(dataSource).query("select * from (" + query + ") roster where 1 = 0", rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    names.add(meta.getColumnLabel(i));
                }
                return names;
            });
        } catch (BadSqlGrammarException e) {
            throw new SettingsException(QUERY, "the roster query fails: " + e.getSQLException().getMessage(), e);
        }
        int[] positions = ColumnMapping.positions(columns, found, "the result of " + QUERY);
        String[] result = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
            result[i] = positions[i] < 0 ? null : found.get(positions[i]);
        }
        return result;
    }
}
