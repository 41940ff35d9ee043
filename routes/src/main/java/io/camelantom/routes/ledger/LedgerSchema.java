package io.camelantom.routes.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's tables: the plain SQL file shipped in this jar ({@code schema.sql} beside this class), one definition
 * for both databases with their differences named ({@link Dialect}), applied when missing. Every statement is
 * {@code CREATE ... IF NOT EXISTS} or, for an index a newer one replaced, {@code DROP INDEX IF EXISTS}, so applying
 * them on every start, from several nodes at once, is harmless and brings an existing ledger up to date.
 */
public final class LedgerSchema {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerSchema.class);
    private static final int ATTEMPTS = 5;
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,29}|");

    private static final String RESOURCE = "schema.sql";

    /** The databases the ledger supports, with the values of the schema's dialect placeholders. */
    public enum Dialect {
        H2("CHARACTER LARGE OBJECT", "(STATUS, RESULT_PUBLISHED_AT)"),
        // a partial index: it holds only the owed results, so it stays tiny however large the table grows; keyed on
        // the id, which never changes, so that counting a call (an unindexed column) is a HOT update
        POSTGRESQL("TEXT",
                "(PAYMENT_REQUEST_ID) WHERE RESULT_PUBLISHED_AT IS NULL AND STATUS IN ('PAID', 'FAILED', 'CANCELLED')");

        /** {@code ${largeText}}: the type of the stored order and refund request JSON. */
        private final String largeText;
        /** {@code ${owedIndex}}: the owed-results index's columns (and predicate). */
        private final String owedIndex;

        Dialect(String largeText, String owedIndex) {
            this.largeText = largeText;
            this.owedIndex = owedIndex;
        }

        private String fill(String sql, String prefix) {
            return sql.replace("${prefix}", prefix).replace("${largeText}", largeText)
                    .replace("${owedIndex}", owedIndex);
        }

        /** The database behind a connection, from its product name. */
        public static Dialect of(Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return H2;
            }
            if (product.contains("postgresql")) {
                return POSTGRESQL;
            }
            throw new LedgerException("No ledger schema for database '" + product
                    + "': the ledger supports H2 and PostgreSQL");
        }
    }

    private LedgerSchema() {
    }

    /** Checks a table prefix: empty, or a letter then up to 29 letters, digits or underscores. */
    static String checkPrefix(String tablePrefix) {
        if (tablePrefix == null || !PREFIX.matcher(tablePrefix).matches()) {
            throw new IllegalArgumentException("table prefix must be empty or match [A-Za-z][A-Za-z0-9_]{0,29}, was '"
                    + tablePrefix + "'");
        }
        return tablePrefix.toUpperCase(Locale.ROOT);
    }

    /** The statements for a dialect and table prefix, in order. */
    public static List<String> statements(Dialect dialect, String tablePrefix) {
        String prefix = checkPrefix(tablePrefix);
        String script;
        try (InputStream in = LedgerSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new LedgerException("Ledger schema " + RESOURCE + " missing from the jar");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LedgerException("Cannot read ledger schema " + RESOURCE, e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(dialect.fill(sql.substring(0, sql.length() - 1), prefix));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new LedgerException("Ledger schema " + RESOURCE + " ends without ';'");
        }
        return statements;
    }

    /**
     * Creates the ledger's tables and indexes where missing. Each statement runs in its own transaction. When nodes
     * create the same objects at the same instant, both H2 and PostgreSQL may refuse one of them despite
     * {@code IF NOT EXISTS} ("already exists"); a failed run is then repeated (up to {@value #ATTEMPTS} runs), and each
     * repetition finds more of the schema in place.
     */
    public static void apply(DataSource dataSource, String tablePrefix) {
        SQLException failure = null;
        for (int run = 1; run <= ATTEMPTS; run++) {
            try {
                applyOnce(dataSource, tablePrefix);
                return;
            } catch (SQLException e) {
                LOG.debug("Ledger schema creation run {} failed (another node creating it?): {}", run, e.getMessage());
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(10, 60L * run));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new LedgerException("Cannot create the ledger schema", failure);
    }

    private static void applyOnce(DataSource dataSource, String tablePrefix) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (String sql : statements(Dialect.of(c), tablePrefix)) {
                try (Statement st = c.createStatement()) {
                    st.execute(sql);
                }
            }
        }
    }
}
