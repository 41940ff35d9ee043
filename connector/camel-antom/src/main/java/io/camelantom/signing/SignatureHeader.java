package io.camelantom.signing;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code signature} header: {@code algorithm=RSA256,keyVersion=N,signature=<URL-encoded standard base64>}.
 * <p>
 * Formatting is exact (the form Antom's Java SDK sends); parsing is tolerant: parts in any order, optional spaces,
 * names in any case, percent escapes in upper or lower case, and a signature that was not URL-encoded at all.
 *
 * @param algorithm  the algorithm label, {@code RSA256}
 * @param keyVersion the key version, or {@code null} when the header has none
 * @param signature  the standard base64 signature value (already URL-decoded)
 */
public record SignatureHeader(String algorithm, Integer keyVersion, String signature) {

    public static final String ALGORITHM_RSA256 = "RSA256";

    public SignatureHeader {
        if (signature == null || signature.isEmpty()) {
            throw new IllegalArgumentException("signature header: the signature value is missing");
        }
    }

    /** Formats the header value exactly as Antom's SDK does (no spaces, URL-encoded signature). */
    public String format() {
        return "algorithm=" + (algorithm == null ? ALGORITHM_RSA256 : algorithm)
               + ",keyVersion=" + (keyVersion == null ? 1 : keyVersion)
               + ",signature=" + urlEncode(signature);
    }

    /**
     * {@link URLEncoder#encode(String, java.nio.charset.Charset)} in UTF-8, with a short path for what a signature is:
     * standard base64, whose only characters to escape are '+', '/' and '=' (URLEncoder walks a writer per call).
     */
    static String urlEncode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append(c);
            } else if (c == '+') {
                out.append("%2B");
            } else if (c == '/') {
                out.append("%2F");
            } else if (c == '=') {
                out.append("%3D");
            } else {
                // not base64: the general rules
                return URLEncoder.encode(value, StandardCharsets.UTF_8);
            }
        }
        return out.toString();
    }

    /**
     * Parses a header value.
     *
     * @throws AntomSignatureException with reason {@link AntomSignatureException.Reason#MISSING_SIGNATURE} or
     *                                 {@link AntomSignatureException.Reason#UNPARSABLE_SIGNATURE} naming the part that
     *                                 is wrong
     */
    public static SignatureHeader parse(String value) {
        if (value == null || value.isBlank()) {
            throw new AntomSignatureException(AntomSignatureException.Reason.MISSING_SIGNATURE,
                    "the signature header is missing or empty");
        }
        Map<String, String> parts = parts(value, part -> new AntomSignatureException(
                AntomSignatureException.Reason.UNPARSABLE_SIGNATURE,
                "the signature header has a part without 'name=value': '" + abbreviate(part) + "'"));
        String algorithm = parts.get("algorithm");
        String keyVersion = parts.get("keyversion");
        String signature = null;
        if (parts.containsKey("signature")) {
            try {
                signature = percentDecode(parts.get("signature"));
            } catch (IllegalArgumentException e) {
                throw new AntomSignatureException(AntomSignatureException.Reason.UNPARSABLE_SIGNATURE,
                        "the signature value has " + e.getMessage());
            }
        }
        if (signature == null || signature.isEmpty()) {
            throw new AntomSignatureException(AntomSignatureException.Reason.MISSING_SIGNATURE,
                    "the signature header has no 'signature=' part");
        }
        Integer version = null;
        if (keyVersion != null && !keyVersion.isEmpty()) {
            try {
                version = Integer.valueOf(keyVersion);
            } catch (NumberFormatException e) {
                throw new AntomSignatureException(AntomSignatureException.Reason.UNPARSABLE_SIGNATURE,
                        "the signature header's keyVersion is not a number: '" + abbreviate(keyVersion) + "'");
            }
        }
        return new SignatureHeader(algorithm, version, signature);
    }

    /**
     * The {@code name=value} parts of a comma-separated header value ({@code signature}, v2 {@code Encrypt}): names in
     * lower case, values trimmed, empty parts skipped, the last of a repeated name wins. Unknown names are returned too;
     * callers ignore them so that Antom may add some.
     *
     * @param malformedPart the exception for a part without {@code name=value} (given the trimmed part)
     */
    public static Map<String, String> parts(String value, Function<String, ? extends RuntimeException> malformedPart) {
        Map<String, String> parts = new HashMap<>();
        for (String part : value.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw malformedPart.apply(trimmed);
            }
            parts.put(trimmed.substring(0, eq).trim().toLowerCase(Locale.ROOT), trimmed.substring(eq + 1).trim());
        }
        return parts;
    }

    /**
     * Decodes %XX escapes only. Unlike {@link java.net.URLDecoder} it leaves '+' alone, so a signature sent without
     * URL encoding (base64 '+' kept as is) still parses to the right value. Also used for the {@code Encrypt}
     * header's {@code symmetricKey}.
     *
     * @throws IllegalArgumentException on a truncated or invalid escape
     */
    public static String percentDecode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        String ascii = percentDecodeAscii(value);
        if (ascii != null) {
            return ascii;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new IllegalArgumentException("a truncated percent escape");
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("an invalid percent escape");
                }
                out.write((hi << 4) | lo);
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The common case of {@link #percentDecode}, a URL-encoded base64 signature: every character and every escape is
     * ASCII, so the result is built as chars. Returns null for anything else (the general decoder decides).
     */
    private static String percentDecodeAscii(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || hi > 7 || lo < 0) {
                    return null;
                }
                out.append((char) ((hi << 4) | lo));
                i += 2;
            } else if (c == '%' || c > 0x7f) {
                return null;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32) + "...";
    }

    @Override
    public String toString() {
        // a signature is not secret, but it is long and useless in a log line
        return "SignatureHeader[algorithm=" + algorithm + ", keyVersion=" + keyVersion + "]";
    }
}
