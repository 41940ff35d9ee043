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
 *     |              |                  |         |
 *     +--------------+------------------+----&gt; CANCELLING (the ERP's cancel command) ----&gt; PAID | FAILED | CANCELLED
 *                                                                                    (or PROCESSING: cancel refused)
 * </pre>
 *
 * Legal transitions (see {@link #canMoveTo(PaymentStatus)}):
 * <ul>
 * <li>PENDING to PROCESSING, UNKNOWN, PAID, FAILED, CANCELLED;</li>
 * <li>PROCESSING to PROCESSING (record a newer answer), UNKNOWN, PAID, FAILED, CANCELLED;</li>
 * <li>UNKNOWN to UNKNOWN, PROCESSING, PAID, FAILED, CANCELLED;</li>
 * <li>PENDING, PROCESSING, UNKNOWN and PAID to CANCELLING: the ERP's cancel command owns the payment until Antom's
 * cancel is answered (a PAID notification meanwhile does not settle it);</li>
 * <li>CANCELLING to CANCELLED, PAID (Antom refused the cancel of a paid payment), FAILED, PROCESSING (refused while
 * still processing: reconciliation takes over);</li>
 * <li>PAID, FAILED and CANCELLED are final: no transition leaves them, except PAID to CANCELLING by the ERP's explicit
 * cancel command (a paid payment reversed within Antom's cancel window). Only {@link PaymentLedger#operatorOverride}
 * does otherwise, explicitly and logged.</li>
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
    CANCELLED,
    /**
     * The ERP asked to cancel it and Antom's answer is not recorded yet: only the cancel (the command, or
     * reconciliation after a crash or an unknown answer) settles it. Not final.
     */
    CANCELLING;

    private static final Map<PaymentStatus, Set<PaymentStatus>> LEGAL = Map.of(
            PENDING, Collections.unmodifiableSet(EnumSet.of(PROCESSING, UNKNOWN, PAID, FAILED, CANCELLED, CANCELLING)),
            PROCESSING, Collections.unmodifiableSet(EnumSet.of(PROCESSING, UNKNOWN, PAID, FAILED, CANCELLED,
                    CANCELLING)),
            UNKNOWN, Collections.unmodifiableSet(EnumSet.of(UNKNOWN, PROCESSING, PAID, FAILED, CANCELLED, CANCELLING)),
            PAID, Collections.unmodifiableSet(EnumSet.of(CANCELLING)),
            FAILED, Collections.unmodifiableSet(EnumSet.noneOf(PaymentStatus.class)),
            CANCELLED, Collections.unmodifiableSet(EnumSet.noneOf(PaymentStatus.class)),
            CANCELLING, Collections.unmodifiableSet(EnumSet.of(PROCESSING, PAID, FAILED, CANCELLED)));

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

    /** PENDING, PROCESSING, UNKNOWN: what pay, inquiry and notifications may settle (not CANCELLING). */
    public boolean isOpen() {
        return this == PENDING || this == PROCESSING || this == UNKNOWN;
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
