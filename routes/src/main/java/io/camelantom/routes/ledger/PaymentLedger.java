package io.camelantom.routes.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment ledger: one row per payment attempt, the single source of truth the order bridge, the notification
 * route and reconciliation share (see {@code routes/README.md}, "Payment ledger").
 * <p>
 * Every state change is a compare-and-set: one {@code UPDATE ... WHERE PAYMENT_REQUEST_ID = ? AND STATUS IN (...)}
 * whose update count tells the caller whether it won. Of two threads, nodes or redeliveries racing for the same
 * payment exactly one wins; only the winner acts on the change (publishes the result message). Each method is one
 * short transaction: one statement (or a read followed by one), plus, for a change that goes into the payment's history
 * ({@link PaymentEvent}), the event's INSERT, committed together; so a caller never holds a transaction open across a
 * call to Antom.
 * <p>
 * Plain JDBC over the given {@link DataSource}, which must be a plain (pooled) one, not bound to a surrounding
 * transaction: each call commits on its own, and a connection is handed back with auto-commit on.
 * Thread-safe; holds no state but its settings. Times come from the
 * given {@link Clock}, cut to microseconds (what both databases store).
 */
public class PaymentLedger {

    /** The default table prefix: tables {@code ANTOM_PAYMENT} and {@code ANTOM_MESSAGE_PROCESSED}. */
    public static final String DEFAULT_TABLE_PREFIX = "ANTOM_";

    private static final Logger LOG = LoggerFactory.getLogger(PaymentLedger.class);
    private static final String SQL_STATE_UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "PAYMENT_REQUEST_ID, ORDER_ID, ATTEMPT_NO, AMOUNT_MINOR, CURRENCY, "
            + "DESCRIPTION, STATUS, PAYMENT_ID, RESULT_CODE, RESULT_MESSAGE, CALL_COUNT, CREATED_AT, UPDATED_AT, "
            + "EXPIRES_AT, NEXT_CHECK_AT, CHECK_COUNT, RESULT_PUBLISHED_AT, ORDER_JSON, OPERATOR_NOTE, VERSION";
    private static final String FINAL_STATES = "('PAID', 'FAILED', 'CANCELLED')";
    /** The history's words for a counted call to Antom. */
    private static final String CALL_DETAIL = "call to Antom";

    private final DataSource dataSource;
    private final Clock clock;
    private final String tablePrefix;
    private final String table;
    private final GroupCommit writes;
    // statements built once: H2's query cache and PostgreSQL's driver key on the string, so it should be the same one
    private final String insertSql;
    private final String findSql;
    private final String findLatestSql;
    private final String eventSql;
    private final String twoEventsSql;
    private final String markPublishedSql;
    private final String resultsOwedSql;
    private final String claimForRepublicationSql;
    private final String claimForCheckSql;
    private final String stalledPendingSql;
    /** By the number of statuses in the compare-and-set (index 1..n); [0] not final target, [1] final target. */
    private final String[][] transitionSql;
    /** By the number of statuses a call may be counted in (index 1..n). */
    private final String[] recordCallSql;

    /** A ledger with the default table prefix and the system clock. */
    public PaymentLedger(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE_PREFIX, Clock.systemUTC());
    }

    /**
     * @param dataSource  the database (H2 or PostgreSQL)
     * @param tablePrefix prefix of the ledger's table names: empty, or a letter then up to 29 letters, digits or
     *                    underscores
     * @param clock       the time source of every timestamp the ledger writes or compares
     */
    public PaymentLedger(DataSource dataSource, String tablePrefix, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tablePrefix = LedgerSchema.checkPrefix(tablePrefix);
        this.table = this.tablePrefix + "PAYMENT";
        this.writes = new GroupCommit(this::connection);
        // one statement registers: no row of the order at this attempt or later yet, so registering a known order
        // writes nothing instead of failing on the unique constraints (a failure splits a group commit)
        this.insertSql = "INSERT INTO " + table + " (PAYMENT_REQUEST_ID, ORDER_ID, ATTEMPT_NO, AMOUNT_MINOR, CURRENCY, "
                + "DESCRIPTION, STATUS, CALL_COUNT, CREATED_AT, UPDATED_AT, EXPIRES_AT, NEXT_CHECK_AT, CHECK_COUNT, "
                + "ORDER_JSON, VERSION) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0 WHERE NOT EXISTS "
                + "(SELECT 1 FROM " + table + " WHERE ORDER_ID = ? AND ATTEMPT_NO >= ?)";
        this.findSql = "SELECT " + COLUMNS + " FROM " + table + " WHERE PAYMENT_REQUEST_ID = ?";
        this.findLatestSql = "SELECT " + COLUMNS + " FROM " + table + " WHERE ORDER_ID = ? AND ATTEMPT_NO = "
                + "(SELECT MAX(ATTEMPT_NO) FROM " + table + " WHERE ORDER_ID = ?)";
        this.eventSql = "INSERT INTO " + eventTable() + " (PAYMENT_REQUEST_ID, AT, KIND, DETAIL) VALUES (?, ?, ?, ?)";
        this.twoEventsSql = eventSql + ", (?, ?, ?, ?)";
        this.markPublishedSql = "UPDATE " + table + " SET RESULT_PUBLISHED_AT = ?, VERSION = VERSION + 1 "
                + "WHERE PAYMENT_REQUEST_ID = ? AND RESULT_PUBLISHED_AT IS NULL AND STATUS IN " + FINAL_STATES;
        this.resultsOwedSql = "SELECT " + COLUMNS + " FROM " + table + " WHERE RESULT_PUBLISHED_AT IS NULL AND STATUS IN "
                + FINAL_STATES + " AND UPDATED_AT <= ? ORDER BY UPDATED_AT, PAYMENT_REQUEST_ID";
        this.claimForRepublicationSql = "UPDATE " + table + " SET UPDATED_AT = ?, VERSION = VERSION + 1 WHERE "
                + "PAYMENT_REQUEST_ID = ? AND VERSION = ? AND RESULT_PUBLISHED_AT IS NULL AND STATUS IN " + FINAL_STATES;
        this.claimForCheckSql = "UPDATE " + table + " SET NEXT_CHECK_AT = ?, CHECK_COUNT = CHECK_COUNT + 1, "
                + "UPDATED_AT = ?, VERSION = VERSION + 1 WHERE PAYMENT_REQUEST_ID = ? AND VERSION = ? AND STATUS NOT IN "
                + FINAL_STATES;
        this.stalledPendingSql = "SELECT " + COLUMNS + " FROM " + table + " WHERE STATUS = 'PENDING' AND "
                + "NEXT_CHECK_AT <= ? AND UPDATED_AT <= ? ORDER BY UPDATED_AT, PAYMENT_REQUEST_ID";
        int statuses = PaymentStatus.values().length;
        this.transitionSql = new String[2][statuses + 1];
        this.recordCallSql = new String[statuses + 1];
        for (int n = 1; n <= statuses; n++) {
            for (int toFinal = 0; toFinal < 2; toFinal++) {
                // entering a final state makes its result owed, also after CANCELLING left a published PAID
                transitionSql[toFinal][n] = "UPDATE " + table + " SET STATUS = ?, UPDATED_AT = ?, VERSION = VERSION + 1, "
                        + (toFinal == 1 ? "RESULT_PUBLISHED_AT = NULL, " : "")
                        + "PAYMENT_ID = COALESCE(?, PAYMENT_ID), RESULT_CODE = COALESCE(?, RESULT_CODE), "
                        + "RESULT_MESSAGE = COALESCE(?, RESULT_MESSAGE) "
                        + "WHERE PAYMENT_REQUEST_ID = ? AND STATUS IN (" + placeholders(n) + ")";
            }
            recordCallSql[n] = "UPDATE " + table + " SET CALL_COUNT = CALL_COUNT + 1, UPDATED_AT = ?, "
                    + "VERSION = VERSION + 1 WHERE PAYMENT_REQUEST_ID = ? AND STATUS IN (" + placeholders(n) + ")";
        }
    }

    /** Creates the ledger's tables where missing ({@link LedgerSchema#apply}); call it on start. */
    public PaymentLedger createSchemaIfMissing() {
        LedgerSchema.apply(dataSource, tablePrefix);
        return this;
    }

    /** The refund ledger on the same database and table prefix ({@code <prefix>REFUND}). */
    public RefundLedger refunds() {
        return new RefundLedger(this);
    }

    /** The table prefix in use (upper case). */
    public String tablePrefix() {
        return tablePrefix;
    }

    /** The name of the de-duplication table in the same schema ({@code <prefix>MESSAGE_PROCESSED}). */
    DataSource dataSource() {
        return dataSource;
    }

    String paymentTable() {
        return table;
    }

    public String messageProcessedTable() {
        return tablePrefix + "MESSAGE_PROCESSED";
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers an order: inserts its first attempt as PENDING, or finds the order's latest attempt when the order is
     * already registered (a redelivered or re-sent order). A new order costs one INSERT and no read: the row returned is
     * the one written. Safe under concurrency: of callers registering the same order
     * at once, one gets {@link Registration.Outcome#CREATED} and the others the same row as
     * {@link Registration.Outcome#EXISTING}; the database's unique constraints decide, not a prior read.
     * <p>
     * An existing attempt with a different amount or currency gives {@link Registration.Outcome#CONFLICT}.
     */
    public Registration register(NewPayment order) {
        return insertAttempt(order, 1, false);
    }

    /**
     * {@link #register} for a caller that pays a new order right away: when the order is new, its row is written with
     * the pay call already counted ({@code CALL_COUNT} 1, history REGISTERED then ANTOM_CALL), so registering and
     * {@link #recordCall} cost one write instead of two. The row then reads as after {@code register} +
     * {@code recordCall}: a cancel sees a pay in flight, reconciliation never takes it for "never sent". When the order
     * is known (EXISTING, CONFLICT) nothing is counted: the caller decides and calls {@link #recordCall} itself.
     */
    public Registration registerAndRecordCall(NewPayment order) {
        return insertAttempt(order, 1, true);
    }

    /**
     * Starts a genuinely new attempt for an order whose latest attempt ended FAILED or CANCELLED: inserts attempt
     * n + 1 with its own paymentRequestId ({@link PaymentRequestIds#forAttempt}). When the latest attempt is not
     * FAILED/CANCELLED (still running, or PAID) nothing is inserted and that attempt is returned as EXISTING; when the
     * order is unknown this is {@link #register}. Concurrent callers create one new attempt between them. The new
     * attempt may carry a different amount (it is a new payment for Antom).
     */
    public Registration registerNewAttempt(NewPayment order) {
        Optional<PaymentRecord> latest = findLatestForOrder(order.orderId());
        if (latest.isEmpty()) {
            return register(order);
        }
        PaymentRecord last = latest.get();
        if (last.status() != PaymentStatus.FAILED && last.status() != PaymentStatus.CANCELLED) {
            return new Registration(Registration.Outcome.EXISTING, last);
        }
        return insertAttempt(order, last.attempt() + 1, false);
    }

    private Registration existing(PaymentRecord row, NewPayment order) {
        return new Registration(row.sameMoneyAs(order) ? Registration.Outcome.EXISTING : Registration.Outcome.CONFLICT,
                row);
    }

    /**
     * Inserts attempt {@code attempt} unless the order has a row at that attempt or later; when it has, or when a
     * concurrent caller's insert wins the unique constraints, the order's latest attempt is the answer. With
     * {@code countCall}, a new row is written with one call counted and its ANTOM_CALL event.
     */
    private Registration insertAttempt(NewPayment order, int attempt, boolean countCall) {
        String paymentRequestId = PaymentRequestIds.forAttempt(order.orderId(), attempt);
        Instant now = now();
        String description = cut(order.description(), 256);
        Instant expiresAt = order.expiresAt() == null ? null : order.expiresAt().truncatedTo(ChronoUnit.MICROS);
        int callCount = countCall ? 1 : 0;
        int inserted;
        SQLException duplicate = null;
        try {
            inserted = writes.execute(insertSql, ps -> {
                ps.setString(1, paymentRequestId);
                ps.setString(2, order.orderId());
                ps.setInt(3, attempt);
                ps.setLong(4, order.amountMinor());
                ps.setString(5, order.currency());
                setString(ps, 6, description);
                ps.setString(7, PaymentStatus.PENDING.name());
                ps.setInt(8, callCount);
                setTime(ps, 9, now);
                setTime(ps, 10, now);
                setTime(ps, 11, expiresAt);
                setTime(ps, 12, now);
                setString(ps, 13, order.orderJson());
                ps.setString(14, order.orderId());
                ps.setInt(15, attempt);
            }, registrationEvents(paymentRequestId, order, attempt, countCall));
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw new LedgerException("Cannot register order " + order.orderId(), e);
            }
            inserted = 0;
            duplicate = e; // another caller registered this attempt first, or the id is taken by another order
        }
        if (inserted == 1) {
            // the row as written (what a read of it returns; the contract test compares both)
            return new Registration(Registration.Outcome.CREATED, new PaymentRecord(paymentRequestId, order.orderId(),
                    attempt, order.amountMinor(), order.currency(), description, PaymentStatus.PENDING, null, null,
                    null, callCount, now, now, expiresAt, now, 0, null, order.orderJson(), null, 0));
        }
        SQLException cause = duplicate;
        PaymentRecord winner = findLatestForOrder(order.orderId())
                .orElseThrow(() -> new LedgerException("paymentRequestId " + paymentRequestId
                        + " is taken by a row of another order", cause));
        return existing(winner, order);
    }

    // ---------------------------------------------------------------- look-ups

    /**
     * The attempt with this paymentRequestId.
     *
     * @throws BadLedgerRowException when the row exists but cannot be read
     */
    public Optional<PaymentRecord> find(String paymentRequestId) {
        return single(findSql, paymentRequestId);
    }

    /**
     * The order's latest attempt (highest attempt number).
     *
     * @throws BadLedgerRowException when that row exists but cannot be read
     */
    public Optional<PaymentRecord> findLatestForOrder(String orderId) {
        return single(findLatestSql, orderId, orderId);
    }

    /** All attempts of an order, first attempt first. */
    public LedgerBatch findAttempts(String orderId) {
        return batch("SELECT " + COLUMNS + " FROM " + table + " WHERE ORDER_ID = ? ORDER BY ATTEMPT_NO", ps -> {
            ps.setString(1, orderId);
        });
    }

    /** The attempt Antom knows by this paymentId, if any. */
    public Optional<PaymentRecord> findByPaymentId(String paymentId) {
        return single("SELECT " + COLUMNS + " FROM " + table + " WHERE PAYMENT_ID = ?", paymentId);
    }

    /** Payments that are not final (PENDING, PROCESSING, UNKNOWN, CANCELLING), oldest first, at most {@code limit}. */
    public LedgerBatch findOpen(int limit) {
        return batch("SELECT " + COLUMNS + " FROM " + table + " WHERE STATUS IN ('PENDING', 'PROCESSING', 'UNKNOWN', "
                + "'CANCELLING') ORDER BY CREATED_AT, PAYMENT_REQUEST_ID", positive(limit), ps -> {
                });
    }

    /**
     * Final payments per minute of their last change since {@code since}, by status: minute (UTC, truncated) to status
     * to count, oldest minute first.
     */
    public Map<Instant, Map<String, Long>> finalPerMinute(Instant since) {
        String sql = "SELECT STATUS, UPDATED_AT FROM " + table + " WHERE STATUS IN " + FINAL_STATES
                + " AND UPDATED_AT >= ?";
        Map<Instant, Map<String, Long>> perMinute = new java.util.TreeMap<>();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            setTime(ps, 1, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant minute = time(rs, 2).truncatedTo(ChronoUnit.MINUTES);
                    perMinute.computeIfAbsent(minute, m -> new java.util.TreeMap<>()).merge(rs.getString(1), 1L, Long::sum);
                }
            }
            return perMinute;
        } catch (SQLException e) {
            throw new LedgerException("Cannot count the final payments per minute", e);
        }
    }

    /** A payment's history ({@code <prefix>PAYMENT_EVENT}), oldest first, at most {@code limit} events. */
    public List<PaymentEvent> events(String paymentRequestId, int limit) {
        String sql = "SELECT ID, PAYMENT_REQUEST_ID, AT, KIND, DETAIL FROM " + eventTable()
                + " WHERE PAYMENT_REQUEST_ID = ? ORDER BY ID";
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, paymentRequestId);
            ps.setMaxRows(positive(limit));
            List<PaymentEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new PaymentEvent(rs.getLong(1), rs.getString(2), time(rs, 3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new LedgerException("Cannot read the events of " + paymentRequestId, e);
        }
    }

    /**
     * Appends an event that goes with no ledger change (an operator's request, such as "inquire now"), in its own
     * transaction.
     */
    public void recordEvent(String paymentRequestId, String kind, String detail) {
        EventInsert event = event(paymentRequestId, kind, detail);
        update(event.sql(), "record an event of " + paymentRequestId, event.binder());
    }

    // ---------------------------------------------------------------- transitions

    /** {@link #transition(String, Set, PaymentStatus, TransitionDetails)} from a single expected status. */
    public boolean transition(String paymentRequestId, PaymentStatus expected, PaymentStatus target,
            TransitionDetails details) {
        return transition(paymentRequestId, EnumSet.of(expected), target, details);
    }

    /**
     * Moves a payment to {@code target} if, and only if, its status is one of {@code expected} at the moment of the
     * update. Returns whether this caller won: {@code false} when the status was another one (someone else moved it
     * first) or the row does not exist. Only the winner acts on the new state (e.g. publishes the result message).
     * <p>
     * Entering a final state makes a result message owed ({@code RESULT_PUBLISHED_AT} is null from insert on).
     *
     * @throws IllegalArgumentException when the rule table forbids {@code e -> target} for any expected {@code e}
     *                                  (final states are never left here: see {@link #operatorOverride})
     */
    public boolean transition(String paymentRequestId, Set<PaymentStatus> expected, PaymentStatus target,
            TransitionDetails details) {
        return change(paymentRequestId, expected, target, details, null);
    }

    /**
     * {@link #transition(String, Set, PaymentStatus, TransitionDetails)} that, when this caller won, also returns the row
     * as its change left it, read in the same transaction (so no other change comes between); empty when it lost. For
     * the winner that publishes the result: it needs the whole row, and gets it without a second round trip.
     *
     * @throws BadLedgerRowException when this caller won but the row cannot be read (the change is committed)
     */
    public Optional<PaymentRecord> transitionAndRead(String paymentRequestId, Set<PaymentStatus> expected,
            PaymentStatus target, TransitionDetails details) {
        Object[] row = new Object[1];
        if (!change(paymentRequestId, expected, target, details, c -> row[0] = readRow(c, paymentRequestId))) {
            return Optional.empty();
        }
        if (row[0] instanceof BadLedgerRow bad) {
            throw new BadLedgerRowException(bad);
        }
        return Optional.of((PaymentRecord) row[0]);
    }

    /** The compare-and-set of a transition (with {@code readBack}, if any, run in its transaction when it won). */
    private boolean change(String paymentRequestId, Set<PaymentStatus> expected, PaymentStatus target,
            TransitionDetails details, GroupCommit.ReadBack readBack) {
        Objects.requireNonNull(target, "target");
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("expected statuses must not be empty");
        }
        List<PaymentStatus> illegal = expected.stream().filter(e -> !e.canMoveTo(target)).sorted()
                .collect(Collectors.toList());
        if (!illegal.isEmpty()) {
            throw new IllegalArgumentException("Illegal transition " + illegal + " -> " + target);
        }
        TransitionDetails d = details == null ? TransitionDetails.none() : details;
        String sql = transitionSql[target.isFinal() ? 1 : 0][expected.size()];
        String event = expected.stream().map(Enum::name).sorted().collect(Collectors.joining("|")) + " -> "
                + target + describe(d);
        int count;
        try {
            count = writes.execute(sql, ps -> {
                ps.setString(1, target.name());
                setTime(ps, 2, now());
                setString(ps, 3, cut(d.paymentId(), 64));
                setString(ps, 4, cut(d.resultCode(), TransitionDetails.MAX_CODE_LENGTH));
                setString(ps, 5, cut(d.resultMessage(), TransitionDetails.MAX_MESSAGE_LENGTH));
                ps.setString(6, paymentRequestId);
                int i = 7;
                for (PaymentStatus e : expected) {
                    ps.setString(i++, e.name());
                }
            }, event(paymentRequestId, d.source() == null ? PaymentEvent.STATUS : d.source(), event), readBack);
        } catch (SQLException e) {
            throw new LedgerException("Cannot transition " + paymentRequestId + " to " + target, e);
        }
        return count == 1;
    }

    /** The row with this id, on a connection in the caller's transaction: a {@link PaymentRecord} or {@link BadLedgerRow}. */
    private Object readRow(Connection c, String paymentRequestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(findSql)) {
            ps.setString(1, paymentRequestId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("row " + paymentRequestId + " missing right after its change");
                }
                return read(rs);
            }
        }
    }

    private static String describe(TransitionDetails d) {
        StringBuilder b = new StringBuilder();
        if (d.resultCode() != null) {
            b.append(' ').append(d.resultCode());
        }
        if (d.resultMessage() != null) {
            b.append(" (").append(d.resultMessage()).append(')');
        }
        if (d.paymentId() != null) {
            b.append(" paymentId ").append(d.paymentId());
        }
        return b.toString();
    }

    /**
     * Counts one call to Antom (pay, inquiry or cancel) for an open payment (PENDING, PROCESSING, UNKNOWN). Returns
     * {@code false} when the payment is final, being cancelled (CANCELLING) or missing: then the caller must not call
     * Antom for it.
     */
    public boolean recordCall(String paymentRequestId) {
        return recordCall(paymentRequestId, EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PROCESSING,
                PaymentStatus.UNKNOWN));
    }

    /** Counts one call to Antom for a payment in one of {@code statuses}; {@code false} when it is in another one. */
    public boolean recordCall(String paymentRequestId, Set<PaymentStatus> statuses) {
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("statuses must not be empty");
        }
        List<PaymentStatus> ordered = new ArrayList<>(statuses);
        String sql = recordCallSql[ordered.size()];
        return update(sql, "record a call for " + paymentRequestId, ps -> {
            setTime(ps, 1, now());
            ps.setString(2, paymentRequestId);
            int i = 3;
            for (PaymentStatus s : ordered) {
                ps.setString(i++, s.name());
            }
        }, event(paymentRequestId, PaymentEvent.ANTOM_CALL, CALL_DETAIL)) == 1;
    }

    /**
     * The operator's way out of the rule table, final states included: moves {@code paymentRequestId} from
     * {@code expected} to {@code target} (compare-and-set as usual), records who and why in {@code OPERATOR_NOTE}, clears
     * {@code RESULT_PUBLISHED_AT} so the corrected result is published again, and logs a WARN line.
     */
    public boolean operatorOverride(String paymentRequestId, PaymentStatus expected, PaymentStatus target,
            String operator, String reason) {
        if (operator == null || operator.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an operator override needs the operator's name and a reason");
        }
        String note = cut(operator.strip() + ": " + reason.strip(), 512);
        String sql = "UPDATE " + table + " SET STATUS = ?, UPDATED_AT = ?, VERSION = VERSION + 1, OPERATOR_NOTE = ?, "
                + "RESULT_PUBLISHED_AT = NULL WHERE PAYMENT_REQUEST_ID = ? AND STATUS = ?";
        boolean won = update(sql, "operator override of " + paymentRequestId, ps -> {
            ps.setString(1, target.name());
            setTime(ps, 2, now());
            ps.setString(3, note);
            ps.setString(4, paymentRequestId);
            ps.setString(5, expected.name());
        }, event(paymentRequestId, PaymentEvent.OPERATOR_OVERRIDE, expected + " -> " + target + " by " + note)) == 1;
        if (won) {
            LOG.warn("Operator override of payment {}: {} -> {} by {}", paymentRequestId, expected, target, note);
        } else {
            LOG.warn("Operator override of payment {} ({} -> {}) not applied: the payment is not {}",
                    paymentRequestId, expected, target, expected);
        }
        return won;
    }

    // ---------------------------------------------------------------- outbox

    /**
     * Records that the result message of a final payment was published. Compare-and-set on
     * {@code RESULT_PUBLISHED_AT IS NULL}: {@code true} for the one caller that recorded it, {@code false} when it was
     * already recorded, the payment is not final, or it does not exist.
     */
    public boolean markResultPublished(String paymentRequestId) {
        return update(markPublishedSql, "mark the result of " + paymentRequestId + " published", ps -> {
            setTime(ps, 1, now());
            ps.setString(2, paymentRequestId);
        }, event(paymentRequestId, PaymentEvent.RESULT_PUBLISHED, "result message published")) == 1;
    }

    /**
     * Final payments whose result message is still owed and that have not changed for {@code quietFor} (so a result
     * the transition's winner is publishing right now is not taken), least recently changed first. After a crash
     * between a final transition and its publication, these are republished: take each with
     * {@link #claimForRepublication}, publish, then {@link #markResultPublished}.
     */
    public LedgerBatch findResultsOwed(Duration quietFor, int limit) {
        Instant before = now().minus(quietFor);
        return batch(resultsOwedSql, positive(limit), ps -> {
                    setTime(ps, 1, before);
                });
    }

    /**
     * Claims an owed result for republication: compare-and-set on the version read, which also refreshes
     * {@code UPDATED_AT}, so another node's {@link #findResultsOwed} leaves it alone for its quiet period. Only the
     * caller that gets {@code true} republishes.
     */
    public boolean claimForRepublication(PaymentRecord seen) {
        return update(claimForRepublicationSql, "claim " + seen.paymentRequestId() + " for republication", ps -> {
            setTime(ps, 1, now());
            ps.setString(2, seen.paymentRequestId());
            ps.setLong(3, seen.version());
        }, event(seen.paymentRequestId(), PaymentEvent.RESULT_REPUBLISHING, "owed result taken by the outbox repair"))
                == 1;
    }

    // ---------------------------------------------------------------- reconciliation

    /** {@link #findDueForCheck(Set, Duration, int)} for PROCESSING, UNKNOWN and CANCELLING payments. */
    public LedgerBatch findDueForCheck(Duration minAge, int batchSize) {
        return findDueForCheck(EnumSet.of(PaymentStatus.PROCESSING, PaymentStatus.UNKNOWN, PaymentStatus.CANCELLING),
                minAge, batchSize);
    }

    /**
     * Payments in one of {@code statuses} created at least {@code minAge} ago whose next check time has come, oldest
     * first, at most {@code batchSize}. Unreadable rows among them come back in {@link LedgerBatch#badRows()}; push them
     * back with {@link #postponeCheck} so they do not fill every batch.
     */
    public LedgerBatch findDueForCheck(Set<PaymentStatus> statuses, Duration minAge, int batchSize) {
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("statuses must not be empty");
        }
        Instant now = now();
        Instant createdBefore = now.minus(minAge);
        List<PaymentStatus> ordered = new ArrayList<>(statuses);
        return batch("SELECT " + COLUMNS + " FROM " + table + " WHERE STATUS IN (" + placeholders(ordered.size())
                + ") AND NEXT_CHECK_AT <= ? AND CREATED_AT <= ? ORDER BY CREATED_AT, PAYMENT_REQUEST_ID", positive(batchSize),
                ps -> {
                    int i = 1;
                    for (PaymentStatus s : ordered) {
                        ps.setString(i++, s.name());
                    }
                    setTime(ps, i++, now);
                    setTime(ps, i, createdBefore);
                });
    }

    /**
     * PENDING payments nobody has written for at least {@code quietFor} and whose next check time has come, least
     * recently written first, at most {@code limit}. A live order bridge writes its PENDING payment at every call; one
     * left this quiet was abandoned with its order message (the process was killed often enough that the broker
     * dead-lettered the message before the bridge could park the payment, or the message was removed).
     * Reconciliation takes these over. Unreadable rows come back in {@link LedgerBatch#badRows()}.
     */
    public LedgerBatch findStalledPending(Duration quietFor, int limit) {
        Instant now = now();
        return batch(stalledPendingSql, positive(limit), ps -> {
            setTime(ps, 1, now);
            setTime(ps, 2, now.minus(quietFor));
        });
    }

    /**
     * Claims a due payment for one check and schedules the next one: compare-and-set on the version read, so of
     * several nodes that selected the same payment only one inquires it. Sets {@code NEXT_CHECK_AT} to now plus
     * {@code backoff.delayAfter(checkCount + 1)} and counts the check. Returns whether this caller may check it now.
     */
    public boolean claimForCheck(PaymentRecord seen, CheckBackoff backoff) {
        int checks = seen.checkCount() + 1;
        Instant now = now();
        Instant next = now.plus(backoff.delayAfter(checks));
        return update(claimForCheckSql, "claim " + seen.paymentRequestId() + " for a check", ps -> {
            setTime(ps, 1, next);
            setTime(ps, 2, now);
            ps.setString(3, seen.paymentRequestId());
            ps.setLong(4, seen.version());
        }, event(seen.paymentRequestId(), PaymentEvent.RECONCILIATION_CHECK, "check " + checks + " of a "
                + seen.status() + " payment, next not before " + next)) == 1;
    }

    /** Sets a row's next check time to now plus {@code delay}, whatever its state (also for unreadable rows). */
    public boolean postponeCheck(String paymentRequestId, Duration delay) {
        String sql = "UPDATE " + table + " SET NEXT_CHECK_AT = ?, VERSION = VERSION + 1 WHERE PAYMENT_REQUEST_ID = ?";
        return update(sql, "postpone the check of " + paymentRequestId, ps -> {
            setTime(ps, 1, now().plus(delay));
            ps.setString(2, paymentRequestId);
        }) == 1;
    }

    /**
     * How long the oldest payment that is not final (PENDING, PROCESSING, UNKNOWN, CANCELLING) has been waiting; empty
     * if none.
     */
    public Optional<Duration> oldestPendingAge() {
        String sql = "SELECT MIN(CREATED_AT) FROM " + table
                + " WHERE STATUS IN ('PENDING', 'PROCESSING', 'UNKNOWN', 'CANCELLING')";
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            Instant oldest = time(rs, 1);
            return oldest == null ? Optional.empty() : Optional.of(Duration.between(oldest, now()));
        } catch (SQLException e) {
            throw new LedgerException("Cannot read the oldest pending payment", e);
        }
    }

    /** How many final payments still owe their result message (the outbox's backlog, see {@link #findResultsOwed}). */
    public long countResultsOwed() {
        String sql = "SELECT COUNT(*) FROM " + table + " WHERE RESULT_PUBLISHED_AT IS NULL AND STATUS IN " + FINAL_STATES;
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new LedgerException("Cannot count the results owed", e);
        }
    }

    /** Number of rows per stored status, unknown statuses included (a health check: it reads the whole status index). */
    public Map<String, Long> countByStatus() {
        String sql = "SELECT STATUS, COUNT(*) FROM " + table + " GROUP BY STATUS ORDER BY STATUS";
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new LedgerException("Cannot count the ledger's rows", e);
        }
    }

    /** Rows whose status this version does not know, reported as bad rows (a health check, like {@link #countByStatus}). */
    public List<BadLedgerRow> findUnknownStatuses(int limit) {
        String known = Arrays.stream(PaymentStatus.values()).map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", "));
        return batch("SELECT " + COLUMNS + " FROM " + table + " WHERE STATUS NOT IN (" + known
                + ") ORDER BY PAYMENT_REQUEST_ID", positive(limit), ps -> {
                }).badRows();
    }

    // ---------------------------------------------------------------- JDBC plumbing

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The outbox repair's query (its plan is checked in the H2 contract test). */
    String resultsOwedSql() {
        return resultsOwedSql;
    }

    Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        if (!c.getAutoCommit()) {
            c.setAutoCommit(true);
        }
        return c;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** One write, committed together with the writes of concurrent callers ({@link GroupCommit}). */
    int update(String sql, String what, Binder binder) {
        try {
            return writes.execute(sql, binder);
        } catch (SQLException e) {
            throw new LedgerException("Cannot " + what, e);
        }
    }

    /** An event row to write with a change: its INSERT and its parameters. */
    record EventInsert(String sql, Binder binder) {
    }

    /**
     * {@link #update(String, String, Binder)} that also appends {@code event} to {@code <prefix>PAYMENT_EVENT} when the
     * update changed a row, in the same transaction (one commit: the history never misses or invents a change).
     */
    int update(String sql, String what, Binder binder, EventInsert event) {
        try {
            return writes.execute(sql, binder, event);
        } catch (SQLException e) {
            throw new LedgerException("Cannot " + what, e);
        }
    }

    String eventTable() {
        return tablePrefix + "PAYMENT_EVENT";
    }

    /** REGISTERED, and with {@code countCall} also ANTOM_CALL: one statement either way. */
    private EventInsert registrationEvents(String paymentRequestId, NewPayment order, int attempt, boolean countCall) {
        String registered = "attempt " + attempt + " of order " + order.orderId() + ", " + order.amountMinor() + " "
                + order.currency() + " (minor units)";
        if (!countCall) {
            return event(paymentRequestId, PaymentEvent.REGISTERED, registered);
        }
        Instant at = now();
        return new EventInsert(twoEventsSql, ps -> {
            bindEvent(ps, 0, paymentRequestId, at, PaymentEvent.REGISTERED, registered);
            bindEvent(ps, 4, paymentRequestId, at, PaymentEvent.ANTOM_CALL, CALL_DETAIL);
        });
    }

    EventInsert event(String paymentRequestId, String kind, String detail) {
        Instant at = now();
        return new EventInsert(eventSql, ps -> bindEvent(ps, 0, paymentRequestId, at, kind, detail));
    }

    /** Binds one history row's four values from parameter {@code offset + 1} on. */
    private static void bindEvent(PreparedStatement ps, int offset, String paymentRequestId, Instant at, String kind,
            String detail) throws SQLException {
        ps.setString(offset + 1, paymentRequestId);
        setTime(ps, offset + 2, at);
        ps.setString(offset + 3, cut(kind, PaymentEvent.MAX_KIND_LENGTH));
        setString(ps, offset + 4, cut(detail, PaymentEvent.MAX_DETAIL_LENGTH));
    }

    private Optional<PaymentRecord> single(String sql, String... params) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Object row = read(rs);
                if (row instanceof BadLedgerRow bad) {
                    throw new BadLedgerRowException(bad);
                }
                return Optional.of((PaymentRecord) row);
            }
        } catch (SQLException e) {
            throw new LedgerException("Cannot read the ledger", e);
        }
    }

    private LedgerBatch batch(String sql, Binder binder) {
        return batch(sql, 0, binder);
    }

    static int positive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a batch size or limit must be at least 1, was " + limit);
        }
        return limit;
    }

    private LedgerBatch batch(String sql, int limit, Binder binder) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            if (limit > 0) {
                ps.setMaxRows(limit);
            }
            List<PaymentRecord> payments = new ArrayList<>();
            List<BadLedgerRow> bad = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object row = read(rs);
                    if (row instanceof BadLedgerRow b) {
                        bad.add(b);
                    } else {
                        payments.add((PaymentRecord) row);
                    }
                }
            }
            return new LedgerBatch(payments, bad);
        } catch (SQLException e) {
            throw new LedgerException("Cannot read the ledger", e);
        }
    }

    /** A {@link PaymentRecord}, or a {@link BadLedgerRow} saying why the row cannot be one. */
    private static Object read(ResultSet rs) throws SQLException {
        String id = rs.getString("PAYMENT_REQUEST_ID");
        String storedStatus = rs.getString("STATUS");
        Optional<PaymentStatus> status = PaymentStatus.parse(storedStatus);
        if (status.isEmpty()) {
            return new BadLedgerRow(id, storedStatus, "unknown status '" + storedStatus + "'");
        }
        int attempt = rs.getInt("ATTEMPT_NO");
        long amount = rs.getLong("AMOUNT_MINOR");
        String currency = rs.getString("CURRENCY");
        String orderId = rs.getString("ORDER_ID");
        List<String> problems = new ArrayList<>();
        if (id == null || id.isEmpty() || id.length() > PaymentRequestIds.MAX_LENGTH) {
            problems.add("paymentRequestId empty or longer than " + PaymentRequestIds.MAX_LENGTH);
        }
        if (attempt < 1 || attempt > PaymentRequestIds.MAX_ATTEMPT) {
            problems.add("attempt " + attempt + " outside 1.." + PaymentRequestIds.MAX_ATTEMPT);
        }
        if (amount <= 0) {
            problems.add("amount " + amount + " not positive");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            problems.add("currency '" + currency + "' not an ISO 4217 code");
        }
        if (orderId == null || orderId.isEmpty()) {
            problems.add("order id empty");
        }
        if (!problems.isEmpty()) {
            return new BadLedgerRow(id, storedStatus, String.join("; ", problems));
        }
        return new PaymentRecord(id, orderId, attempt, amount, currency, rs.getString("DESCRIPTION"), status.get(),
                rs.getString("PAYMENT_ID"), rs.getString("RESULT_CODE"), rs.getString("RESULT_MESSAGE"),
                rs.getInt("CALL_COUNT"), time(rs, "CREATED_AT"), time(rs, "UPDATED_AT"), time(rs, "EXPIRES_AT"),
                time(rs, "NEXT_CHECK_AT"), rs.getInt("CHECK_COUNT"), time(rs, "RESULT_PUBLISHED_AT"),
                rs.getString("ORDER_JSON"), rs.getString("OPERATOR_NOTE"), rs.getLong("VERSION"));
    }

    static Instant time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void setTime(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    static void setString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && SQL_STATE_UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
