package io.camelantom.routes.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class LedgerSchemaTest {

    @Test
    void bothDialectsCreateTheSameObjectsWithThePrefix() {
        for (LedgerSchema.Dialect d : LedgerSchema.Dialect.values()) {
            List<String> statements = LedgerSchema.statements(d, "acme_");
            assertThat(statements).hasSize(11);
            assertThat(statements.get(0)).startsWith("CREATE TABLE IF NOT EXISTS ACME_PAYMENT (");
            assertThat(statements.get(1)).startsWith("CREATE INDEX IF NOT EXISTS ACME_PAYMENT_DUE_IX");
            assertThat(statements.get(2)).startsWith("CREATE INDEX IF NOT EXISTS ACME_PAYMENT_OWED_IX");
            assertThat(statements.get(3)).isEqualTo("DROP INDEX IF EXISTS ACME_PAYMENT_OUTBOX_IX");
            assertThat(statements.get(4)).startsWith("CREATE TABLE IF NOT EXISTS ACME_MESSAGE_PROCESSED (");
            assertThat(statements.get(5)).startsWith("CREATE TABLE IF NOT EXISTS ACME_REFUND (");
            assertThat(statements.get(6)).startsWith("CREATE INDEX IF NOT EXISTS ACME_REFUND_PAYMENT_IX");
            assertThat(statements.get(7)).startsWith("CREATE INDEX IF NOT EXISTS ACME_REFUND_DUE_IX");
            assertThat(statements.get(8)).startsWith("CREATE INDEX IF NOT EXISTS ACME_PAYMENT_PAYMENT_ID_IX");
            assertThat(statements.get(9)).startsWith("CREATE TABLE IF NOT EXISTS ACME_PAYMENT_EVENT (");
            assertThat(statements.get(10)).startsWith("CREATE INDEX IF NOT EXISTS ACME_PAYMENT_EVENT_PAYMENT_IX");
            assertThat(String.join("\n", statements)).doesNotContain("${").doesNotContain(";");
        }
    }

    @Test
    void eachDialectGetsItsOwnTypesAndOwedResultsIndex() {
        List<String> h2 = LedgerSchema.statements(LedgerSchema.Dialect.H2, "");
        assertThat(h2.get(0)).contains("ORDER_JSON          CHARACTER LARGE OBJECT,");
        assertThat(h2.get(2)).endsWith("ON PAYMENT (STATUS, RESULT_PUBLISHED_AT)");
        assertThat(h2.get(5)).contains("REQUEST_JSON        CHARACTER LARGE OBJECT,");
        List<String> postgres = LedgerSchema.statements(LedgerSchema.Dialect.POSTGRESQL, "");
        assertThat(postgres.get(0)).contains("ORDER_JSON          TEXT,");
        assertThat(postgres.get(2)).endsWith("ON PAYMENT (PAYMENT_REQUEST_ID) WHERE RESULT_PUBLISHED_AT IS NULL"
                + " AND STATUS IN ('PAID', 'FAILED', 'CANCELLED')");
        assertThat(postgres.get(5)).contains("REQUEST_JSON        TEXT,");
    }

    @Test
    void rejectsPrefixesThatAreNotPlainIdentifiers() {
        for (String bad : new String[] { "1A", "A-", "A;DROP", "A B", "\"A\"", null }) {
            assertThatThrownBy(() -> LedgerSchema.statements(LedgerSchema.Dialect.H2, bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(LedgerSchema.statements(LedgerSchema.Dialect.H2, "").get(0))
                .startsWith("CREATE TABLE IF NOT EXISTS PAYMENT (");
    }
}
