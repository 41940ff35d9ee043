package io.camelantom.routes.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The refund ledger: one row per ERP refund ({@code <prefix>REFUND}) beside the payment ledger, on the same database.
 * Like the payment ledger, every state change is a compare-and-set whose update count tells the caller whether it won,
 * and only the winner publishes the refund's result.
 * <p>
 * {@link #register} is the one place where money is checked: in one transaction it locks the payment's row
 * ({@code SELECT ... FOR UPDATE}), so refunds of one payment register one after the other, and inserts the refund only
 * when the payment is PAID, the currency is the payment's, and the amount fits in what was paid minus what is refunded
 * or being refunded (every refund not REFUND_FAILED). Two refunds racing for the last money: one gets it.
 * Thread-safe; get one from {@link PaymentLedger#refunds()}.
 */
public class RefundLedger {

    private static final Logger LOG = LoggerFactory.getLogger(RefundLedger.class);
    private static final String COLUMNS = "REFUND_REQUEST_ID, ERP_REFUND_ID, PAYMENT_REQUEST_ID, ORDER_ID, PAYMENT_ID, "
            + "AMOUNT_MINOR, CURRENCY, REASON, STATUS, REFUND_ID, RESULT_CODE, RESULT_MESSAGE, CALL_COUNT, CREATED_AT, "
            + "UPDATED_AT, NEXT_CHECK_AT, CHECK_COUNT, RESULT_PUBLISHED_AT, REQUEST_JSON, VERSION";
    private static final String FINAL_STATES = "('REFUNDED', 'REFUND_FAILED')";
    /** Refunds whose amount counts against the payment: all but the failed ones. */
    private static final String COUNTED = "STATUS <> 'REFUND_FAILED'";

    private final PaymentLedger payments;
    private final String table;

    RefundLedger(PaymentLedger payments) {
        this.payments = Objects.requireNonNull(payments, "payments");
        this.table = payments.tablePrefix() + "REFUND";
    }

    /** The payment ledger this one sits beside. */
    public PaymentLedger payments() {
        return payments;
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers a refund as PENDING when its money is available (see the class comment), or finds it when this refund
     * id is registered already (EXISTING with the same payment and money, else CONFLICT). Safe under concurrency.
     */
    public RefundRegistration register(NewRefund refund) {
        String id = refund.refundRequestId();
        Optional<RefundRecord> known = find(id);
        if (known.isPresent()) {
            return existing(known.get(), refund);
        }
        try (Connection c = payments.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                RefundRegistration done = registerLocked(c, refund, id);
                c.commit();
                return done;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (PaymentLedger.isUniqueViolation(e)) {
                // the same refund id registered at once for another payment: theirs is the row
                return existing(find(id).orElseThrow(() -> new LedgerException("refund " + id + " vanished", e)),
                        refund);
            }
            throw new LedgerException("Cannot register refund " + refund.erpRefundId(), e);
        }
    }

    private RefundRegistration registerLocked(Connection c, NewRefund refund, String id) throws SQLException {
        String status;
        long paid;
        String currency;
        String paymentId;
        String orderId;
        try (PreparedStatement ps = c.prepareStatement("SELECT STATUS, AMOUNT_MINOR, CURRENCY, PAYMENT_ID, ORDER_ID FROM "
                + payments.paymentTable() + " WHERE PAYMENT_REQUEST_ID = ? FOR UPDATE")) {
            ps.setString(1, refund.paymentRequestId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return refused("orderId: no payment " + refund.paymentRequestId() + " in the ledger");
                }
                status = rs.getString(1);
                paid = rs.getLong(2);
                currency = rs.getString(3);
                paymentId = rs.getString(4);
                orderId = rs.getString(5);
            }
        }
        // registered by another caller while we waited for the lock
        Optional<RefundRecord> registered = find(c, id);
        if (registered.isPresent()) {
            return existing(registered.get(), refund);
        }
        if (!PaymentStatus.PAID.name().equals(status)) {
            return refused("orderId: payment " + refund.paymentRequestId() + " is " + status
                    + "; only a PAID payment is refunded");
        }
        if (!currency.equals(refund.currency())) {
            return refused("currency: " + refund.currency() + " is not the payment's currency " + currency);
        }
        long taken;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(AMOUNT_MINOR), 0) FROM " + table
                + " WHERE PAYMENT_REQUEST_ID = ? AND " + COUNTED)) {
            ps.setString(1, refund.paymentRequestId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                taken = rs.getLong(1);
            }
        }
        if (taken + refund.amountMinor() > paid) {
            return refused("amount: " + refund.amountMinor() + " " + currency + " (minor units) exceeds what is left "
                    + "of payment " + refund.paymentRequestId() + ": paid " + paid + ", refunded or being refunded "
                    + taken + ", left " + (paid - taken));
        }
        Instant now = payments.now();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (REFUND_REQUEST_ID, ERP_REFUND_ID, "
                + "PAYMENT_REQUEST_ID, ORDER_ID, PAYMENT_ID, AMOUNT_MINOR, CURRENCY, REASON, STATUS, CALL_COUNT, "
                + "CREATED_AT, UPDATED_AT, NEXT_CHECK_AT, CHECK_COUNT, REQUEST_JSON, VERSION) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 0, ?, 0)")) {
            ps.setString(1, id);
            ps.setString(2, refund.erpRefundId());
            ps.setString(3, refund.paymentRequestId());
            ps.setString(4, orderId);
            PaymentLedger.setString(ps, 5, paymentId);
            ps.setLong(6, refund.amountMinor());
            ps.setString(7, refund.currency());
            PaymentLedger.setString(ps, 8, PaymentLedger.cut(refund.reason(), 256));
            ps.setString(9, RefundStatus.PENDING.name());
            PaymentLedger.setTime(ps, 10, now);
            PaymentLedger.setTime(ps, 11, now);
            PaymentLedger.setTime(ps, 12, now);
            PaymentLedger.setString(ps, 13, refund.requestJson());
            ps.executeUpdate();
        }
        RefundRecord created = find(c, id).orElseThrow(() -> new SQLException("refund " + id + " vanished after its "
                + "insert"));
        return new RefundRegistration(RefundRegistration.Outcome.CREATED, created, null);
    }

    /** The refund row as {@code c}'s transaction sees it. */
    private Optional<RefundRecord> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                + " WHERE REFUND_REQUEST_ID = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static RefundRegistration refused(String reason) {
        return new RefundRegistration(RefundRegistration.Outcome.REFUSED, null, reason);
    }

    private static RefundRegistration existing(RefundRecord row, NewRefund refund) {
        if (row.sameAs(refund)) {
            return new RefundRegistration(RefundRegistration.Outcome.EXISTING, row, null);
        }
        return new RefundRegistration(RefundRegistration.Outcome.CONFLICT, row, "refundId: refund "
                + refund.erpRefundId() + " is already registered for payment " + row.paymentRequestId() + " with "
                + row.amountMinor() + " " + row.currency() + " (minor units); this one asks " + refund.amountMinor()
                + " " + refund.currency() + " of payment " + refund.paymentRequestId()
                + " (Antom would answer REPEAT_REQ_INCONSISTENT)");
    }

    // ---------------------------------------------------------------- look-ups

    public Optional<RefundRecord> find(String refundRequestId) {
        List<RefundRecord> rows = list("SELECT " + COLUMNS + " FROM " + table + " WHERE REFUND_REQUEST_ID = ?", 0,
                ps -> ps.setString(1, refundRequestId));
        return rows.stream().findFirst();
    }

    /** The refunds of a payment attempt, oldest first. */
    public List<RefundRecord> findForPayment(String paymentRequestId) {
        return list("SELECT " + COLUMNS + " FROM " + table + " WHERE PAYMENT_REQUEST_ID = ? ORDER BY CREATED_AT, "
                + "REFUND_REQUEST_ID", 0, ps -> ps.setString(1, paymentRequestId));
    }

    /** Whether a payment has refunds that are not REFUND_FAILED (such a payment cannot be cancelled). */
    public boolean hasRefunds(String paymentRequestId) {
        return findForPayment(paymentRequestId).stream().anyMatch(r -> r.status() != RefundStatus.REFUND_FAILED);
    }

    // ---------------------------------------------------------------- transitions

    /**
     * Moves a refund from one of {@code expected} to {@code target} (compare-and-set); null details keep the stored
     * values. Entering a final state makes its result owed. Returns whether this caller won.
     */
    public boolean transition(String refundRequestId, Set<RefundStatus> expected, RefundStatus target,
            String antomRefundId, String resultCode, String resultMessage) {
        if (expected.stream().anyMatch(RefundStatus::isFinal)) {
            throw new IllegalArgumentException("a final refund status is never left: " + expected);
        }
        List<RefundStatus> ordered = new ArrayList<>(expected);
        String sql = "UPDATE " + table + " SET STATUS = ?, UPDATED_AT = ?, VERSION = VERSION + 1, "
                + (target.isFinal() ? "RESULT_PUBLISHED_AT = NULL, " : "")
                + "REFUND_ID = COALESCE(?, REFUND_ID), RESULT_CODE = COALESCE(?, RESULT_CODE), "
                + "RESULT_MESSAGE = COALESCE(?, RESULT_MESSAGE) WHERE REFUND_REQUEST_ID = ? AND STATUS IN ("
                + PaymentLedger.placeholders(ordered.size()) + ")";
        return payments.update(sql, "transition refund " + refundRequestId + " to " + target, ps -> {
            ps.setString(1, target.name());
            PaymentLedger.setTime(ps, 2, payments.now());
            PaymentLedger.setString(ps, 3, PaymentLedger.cut(antomRefundId, 64));
            PaymentLedger.setString(ps, 4, PaymentLedger.cut(resultCode, TransitionDetails.MAX_CODE_LENGTH));
            PaymentLedger.setString(ps, 5, PaymentLedger.cut(resultMessage, TransitionDetails.MAX_MESSAGE_LENGTH));
            ps.setString(6, refundRequestId);
            int i = 7;
            for (RefundStatus s : ordered) {
                ps.setString(i++, s.name());
            }
        }, refundEvent(refundRequestId, "refund " + refundRequestId + " " + ordered + " -> " + target
                + (resultCode == null ? "" : " " + resultCode))) == 1;
    }

    /** A refund's event, in its payment's history (the payment read from the refund's row in the same statement). */
    private PaymentLedger.EventInsert refundEvent(String refundRequestId, String detail) {
        java.time.Instant at = payments.now();
        return new PaymentLedger.EventInsert("INSERT INTO " + payments.eventTable()
                + " (PAYMENT_REQUEST_ID, AT, KIND, DETAIL) SELECT PAYMENT_REQUEST_ID, ?, ?, ? FROM " + table
                + " WHERE REFUND_REQUEST_ID = ?", ps -> {
                    PaymentLedger.setTime(ps, 1, at);
                    ps.setString(2, PaymentEvent.REFUND);
                    ps.setString(3, PaymentLedger.cut(detail, PaymentEvent.MAX_DETAIL_LENGTH));
                    ps.setString(4, refundRequestId);
                });
    }

    /** Counts one call to Antom for a refund that is not final; {@code false}: final or missing, do not call. */
    public boolean recordCall(String refundRequestId) {
        return payments.update("UPDATE " + table + " SET CALL_COUNT = CALL_COUNT + 1, UPDATED_AT = ?, "
                + "VERSION = VERSION + 1 WHERE REFUND_REQUEST_ID = ? AND STATUS NOT IN " + FINAL_STATES,
                "record a call for refund " + refundRequestId, ps -> {
                    PaymentLedger.setTime(ps, 1, payments.now());
                    ps.setString(2, refundRequestId);
                }) == 1;
    }

    // ---------------------------------------------------------------- outbox

    /** Records that a final refund's result was published (compare-and-set on {@code RESULT_PUBLISHED_AT IS NULL}). */
    public boolean markResultPublished(String refundRequestId) {
        return payments.update("UPDATE " + table + " SET RESULT_PUBLISHED_AT = ?, VERSION = VERSION + 1 WHERE "
                + "REFUND_REQUEST_ID = ? AND RESULT_PUBLISHED_AT IS NULL AND STATUS IN " + FINAL_STATES,
                "mark the result of refund " + refundRequestId + " published", ps -> {
                    PaymentLedger.setTime(ps, 1, payments.now());
                    ps.setString(2, refundRequestId);
                }) == 1;
    }

    /** Final refunds whose result is owed and unchanged for {@code quietFor}, least recently changed first. */
    public List<RefundRecord> findResultsOwed(Duration quietFor, int limit) {
        Instant before = payments.now().minus(quietFor);
        return list("SELECT " + COLUMNS + " FROM " + table + " WHERE RESULT_PUBLISHED_AT IS NULL AND STATUS IN "
                + FINAL_STATES + " AND UPDATED_AT <= ? ORDER BY UPDATED_AT, REFUND_REQUEST_ID", limit,
                ps -> PaymentLedger.setTime(ps, 1, before));
    }

    /** Claims an owed result for republication (compare-and-set on the version read). */
    public boolean claimForRepublication(RefundRecord seen) {
        return payments.update("UPDATE " + table + " SET UPDATED_AT = ?, VERSION = VERSION + 1 WHERE "
                + "REFUND_REQUEST_ID = ? AND VERSION = ? AND RESULT_PUBLISHED_AT IS NULL AND STATUS IN " + FINAL_STATES,
                "claim refund " + seen.refundRequestId() + " for republication", ps -> {
                    PaymentLedger.setTime(ps, 1, payments.now());
                    ps.setString(2, seen.refundRequestId());
                    ps.setLong(3, seen.version());
                }) == 1;
    }

    // ---------------------------------------------------------------- reconciliation

    /** PENDING and PROCESSING refunds created at least {@code minAge} ago whose next check has come, oldest first. */
    public List<RefundRecord> findDueForCheck(Duration minAge, int batchSize) {
        Instant now = payments.now();
        return list("SELECT " + COLUMNS + " FROM " + table + " WHERE STATUS IN ('PENDING', 'PROCESSING') AND "
                + "NEXT_CHECK_AT <= ? AND CREATED_AT <= ? ORDER BY CREATED_AT, REFUND_REQUEST_ID",
                PaymentLedger.positive(batchSize), ps -> {
                    PaymentLedger.setTime(ps, 1, now);
                    PaymentLedger.setTime(ps, 2, now.minus(minAge));
                });
    }

    /** Claims a due refund for one check and schedules the next (compare-and-set on the version read). */
    public boolean claimForCheck(RefundRecord seen, CheckBackoff backoff) {
        Instant now = payments.now();
        Instant next = now.plus(backoff.delayAfter(seen.checkCount() + 1));
        return payments.update("UPDATE " + table + " SET NEXT_CHECK_AT = ?, CHECK_COUNT = CHECK_COUNT + 1, "
                + "UPDATED_AT = ?, VERSION = VERSION + 1 WHERE REFUND_REQUEST_ID = ? AND VERSION = ? AND STATUS NOT IN "
                + FINAL_STATES, "claim refund " + seen.refundRequestId() + " for a check", ps -> {
                    PaymentLedger.setTime(ps, 1, next);
                    PaymentLedger.setTime(ps, 2, now);
                    ps.setString(3, seen.refundRequestId());
                    ps.setLong(4, seen.version());
                }) == 1;
    }

    // ---------------------------------------------------------------- JDBC plumbing

    private List<RefundRecord> list(String sql, int limit, PaymentLedger.Binder binder) {
        try (Connection c = payments.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            if (limit > 0) {
                ps.setMaxRows(limit);
            }
            List<RefundRecord> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RefundRecord row = read(rs);
                    if (row != null) {
                        rows.add(row);
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new LedgerException("Cannot read the refund ledger", e);
        }
    }

    /** A row, or null (logged) when its status is one this version does not know. */
    private static RefundRecord read(ResultSet rs) throws SQLException {
        String id = rs.getString("REFUND_REQUEST_ID");
        Optional<RefundStatus> status = RefundStatus.parse(rs.getString("STATUS"));
        if (status.isEmpty()) {
            LOG.warn("Refund ledger row {} has an unknown status '{}'; skipped", id, rs.getString("STATUS"));
            return null;
        }
        return new RefundRecord(id, rs.getString("ERP_REFUND_ID"), rs.getString("PAYMENT_REQUEST_ID"),
                rs.getString("ORDER_ID"), rs.getString("PAYMENT_ID"), rs.getLong("AMOUNT_MINOR"),
                rs.getString("CURRENCY"), rs.getString("REASON"), status.get(), rs.getString("REFUND_ID"),
                rs.getString("RESULT_CODE"), rs.getString("RESULT_MESSAGE"), rs.getInt("CALL_COUNT"),
                PaymentLedger.time(rs, "CREATED_AT"), PaymentLedger.time(rs, "UPDATED_AT"),
                PaymentLedger.time(rs, "NEXT_CHECK_AT"), rs.getInt("CHECK_COUNT"),
                PaymentLedger.time(rs, "RESULT_PUBLISHED_AT"), rs.getString("REQUEST_JSON"), rs.getLong("VERSION"));
    }

    /** Open refund states (what a refund can be settled from). */
    public static Set<RefundStatus> open() {
        return EnumSet.of(RefundStatus.PENDING, RefundStatus.PROCESSING);
    }
}
