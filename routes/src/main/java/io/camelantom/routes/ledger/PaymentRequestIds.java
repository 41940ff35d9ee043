package io.camelantom.routes.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Derives Antom's {@code paymentRequestId} (the idempotency key of {@code pay}) from the ERP order id and the attempt
 * number, deterministically, so a redelivered or re-sent order reuses the same id and Antom's idempotency applies.
 *
 * <h2>The rule</h2>
 * <pre>
 * paymentRequestId = base                      attempt 1
 *                  | base "--" attempt         attempt 2..999 (decimal, no leading zero)
 * base             = orderId                   when orderId is "readable" (below)
 *                  | prefix "--h" hash         otherwise
 * </pre>
 * <ul>
 * <li><b>readable</b>: 1 to 59 characters of {@code [A-Za-z0-9_-]}, containing no {@code "--"} and not ending with
 * {@code '-'}. The paymentRequestId of the first attempt is then the order id itself, searchable in Antom's
 * dashboard.</li>
 * <li><b>hash</b>: the first 32 lowercase hex digits (128 bits) of SHA-256 over the order id's UTF-8 bytes.</li>
 * <li><b>prefix</b>: the order id with every character outside {@code [A-Za-z0-9_-]} replaced by {@code '_'}, runs of
 * {@code '-'} collapsed to one, cut to 24 characters, trailing {@code '-'} removed; only there to be readable.</li>
 * </ul>
 * The result is at most 64 characters (59 + {@code "--999"}; 24 + 3 + 32 + 5 = 64) of {@code [A-Za-z0-9_-]}.
 * <p>
 * Why ids never collide: {@code "--"} appears only as a separator. A readable base has none; a hashed base has
 * exactly one, followed by {@code 'h'}; an attempt suffix is {@code "--"} followed by digits only. So the id can be
 * read back unambiguously into (base, attempt), a readable base is the order id itself, and two different order ids
 * with a hashed base differ in their 128-bit hash (a collision is not a practical concern).
 * <p>
 * Antom's case sensitivity of {@code paymentRequestId} is not documented: order ids that differ only in letter case
 * are kept distinct here.
 */
public final class PaymentRequestIds {

    /** Antom's limit on {@code paymentRequestId}. */
    public static final int MAX_LENGTH = 64;
    /** The highest attempt number the rule can express within {@link #MAX_LENGTH}. */
    public static final int MAX_ATTEMPT = 999;

    static final int MAX_READABLE = 59;
    static final int PREFIX_LENGTH = 24;
    static final int HASH_HEX_DIGITS = 32;

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+");

    private PaymentRequestIds() {
    }

    /** The paymentRequestId of the first attempt for an order. */
    public static String forOrder(String orderId) {
        return forAttempt(orderId, 1);
    }

    /**
     * The refundRequestId of an ERP refund id: the same rule as {@link #forOrder} (the refund id itself when readable,
     * else a readable prefix and a hash), so a re-sent refund command reuses it and Antom's idempotency applies.
     */
    public static String forRefund(String erpRefundId) {
        return forAttempt(erpRefundId, 1);
    }

    /** The paymentRequestId of attempt {@code attempt} (1..{@value #MAX_ATTEMPT}) for an order. */
    public static String forAttempt(String orderId, int attempt) {
        if (orderId == null || orderId.isEmpty()) {
            throw new IllegalArgumentException("order id must not be empty");
        }
        if (attempt < 1 || attempt > MAX_ATTEMPT) {
            throw new IllegalArgumentException("attempt must be 1.." + MAX_ATTEMPT + ", was " + attempt);
        }
        String base = isReadable(orderId) ? orderId : prefix(orderId) + "--h" + hash(orderId);
        return attempt == 1 ? base : base + "--" + attempt;
    }

    /** Whether the order id is used as it is (see the class comment). */
    public static boolean isReadable(String orderId) {
        return orderId.length() <= MAX_READABLE
                && SAFE.matcher(orderId).matches()
                && !orderId.contains("--")
                && !orderId.endsWith("-");
    }

    private static String prefix(String orderId) {
        StringBuilder b = new StringBuilder(PREFIX_LENGTH);
        for (int i = 0; i < orderId.length() && b.length() < PREFIX_LENGTH; i++) {
            char c = orderId.charAt(i);
            boolean safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-';
            char out = safe ? c : '_';
            if (out == '-' && b.length() > 0 && b.charAt(b.length() - 1) == '-') {
                continue;
            }
            b.append(out);
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    private static String hash(String orderId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(orderId.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(HASH_HEX_DIGITS);
            for (int i = 0; i < HASH_HEX_DIGITS / 2; i++) {
                hex.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
