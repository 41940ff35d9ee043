package io.camelantom.routes.ledger;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The life of one payment attempt in the ledger.
 *
 * <pre>
 *  PENDING ----&gt; PROCESSING &lt;----&gt; UNKNOWN
 *     |              |                  |
 *     +--------------+------------------+----&gt; PAID | FAILED | CANCELLED   (final)
 * </pre>
 *
 * Legal transitions (see {@link #canMoveTo(PaymentStatus)}):
 * <ul>
 * <li>PENDING to PROCESSING, UNKNOWN, PAID, FAILED, CANCELLED;</li>
 * <li>PROCESSING to PROCESSING (record a newer answer), UNKNOWN, PAID, FAILED, CANCELLED;</li>
 * <li>UNKNOWN to UNKNOWN, PROCESSING, PAID, FAILED, CANCELLED;</li>
 * <li>PAID, FAILED and CANCELLED are final: no transition leaves them. Only
 * {@link PaymentLedger#operatorOverride} does, explicitly and logged.</li>
 * </ul>
 * Nothing goes back to PENDING: PENDING means "registered, Antom has possibly not been called yet".
 */
public enum PaymentStatus {
    /** Registered from the order; pay not yet answered. */
    PENDING,
    /** Antom answered {@code U} (or the call timed out): outcome pending, a notification or an inquiry will tell. */
    PROCESSING,
    /** We cannot tell whether Antom received the pay request (e.g. transient errors exhausted); reconciliation inquires. */
    UNKNOWN,
    /** Antom reported success. Final. */
    PAID,
    /** Antom reported failure; the buyer was not charged. Final. */
    FAILED,
    /** Cancelled at Antom (closing time passed, or cancelled on request). Final. */
    CANCELLED;

    private static final Map<PaymentStatus, Set<PaymentStatus>> LEGAL = Map.of(
            PENDING, Collections.unmodifiableSet(EnumSet.of(PROCESSING, UNKNOWN, PAID, FAILED, CANCELLED)),
            PROCESSING, Collections.unmodifiableSet(EnumSet.of(PROCESSING, UNKNOWN, PAID, FAILED, CANCELLED)),
            UNKNOWN, Collections.unmodifiableSet(EnumSet.of(UNKNOWN, PROCESSING, PAID, FAILED, CANCELLED)),
            PAID, Collections.unmodifiableSet(EnumSet.noneOf(PaymentStatus.class)),
            FAILED, Collections.unmodifiableSet(EnumSet.noneOf(PaymentStatus.class)),
            CANCELLED, Collections.unmodifiableSet(EnumSet.noneOf(PaymentStatus.class)));

    /** PAID, FAILED, CANCELLED. */
    public boolean isFinal() {
        return this == PAID || this == FAILED || this == CANCELLED;
    }

    /** Whether the rule table allows {@code this -> target} through {@link PaymentLedger#transition}. */
    public boolean canMoveTo(PaymentStatus target) {
        return LEGAL.get(this).contains(target);
    }

    /** The states a normal transition may go to from this one. */
    public Set<PaymentStatus> legalTargets() {
        return LEGAL.get(this);
    }

    /** The final states. */
    public static Set<PaymentStatus> finalStates() {
        return Collections.unmodifiableSet(EnumSet.of(PAID, FAILED, CANCELLED));
    }

    /** Parses a stored status; empty for a value this version does not know (a bad row, or a newer node's state). */
    public static Optional<PaymentStatus> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        for (PaymentStatus s : values()) {
            if (s.name().equals(stored)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
