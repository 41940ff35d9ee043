package io.camelantom.encryption;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.camelantom.signing.SignatureHeader;

/**
 * The v2 {@code Encrypt} header: {@code algorithm=RSA_AES,keyVersion=N,symmetricKey=<wrapped AES key>} [doc]. The
 * encoding of {@code symmetricKey} is UNCONFIRMED ({@link SymmetricKeyEncoding}); parsing accepts both forms.
 *
 * @param algorithm    {@code RSA_AES}
 * @param keyVersion   the key version, {@code null} when absent (Antom then uses the client's latest key)
 * @param symmetricKey the RSA-wrapped AES key, decoded from base64
 */
public record EncryptHeader(String algorithm, Integer keyVersion, byte[] symmetricKey) {

    public static final String ALGORITHM_RSA_AES = "RSA_AES";

    /** Formats the header value (no spaces, like the signature header). */
    public String format(SymmetricKeyEncoding encoding) {
        String base64 = Base64.getEncoder().encodeToString(symmetricKey);
        return "algorithm=" + (algorithm == null ? ALGORITHM_RSA_AES : algorithm)
               + (keyVersion == null ? "" : ",keyVersion=" + keyVersion)
               + ",symmetricKey=" + (encoding == SymmetricKeyEncoding.BASE64 ? base64
                       : URLEncoder.encode(base64, StandardCharsets.UTF_8));
    }

    /**
     * Parses a header value: parts in any order, optional spaces, names in any case, {@code symmetricKey} raw or
     * percent-encoded base64.
     *
     * @throws AntomEncryptionException ({@link AntomEncryptionException.Reason#BAD_HEADER}) naming what is wrong
     */
    public static EncryptHeader parse(String value) {
        if (value == null || value.isBlank()) {
            throw bad("the Encrypt header is missing or empty");
        }
        Map<String, String> parts = SignatureHeader.parts(value,
                part -> bad("the Encrypt header has a part without 'name=value'"));
        String algorithm = parts.get("algorithm");
        String symmetricKey = parts.get("symmetrickey");
        Integer keyVersion = null;
        if (parts.containsKey("keyversion")) {
            try {
                keyVersion = Integer.valueOf(parts.get("keyversion"));
            } catch (NumberFormatException e) {
                throw bad("the Encrypt header's keyVersion is not a number");
            }
        }
        if (algorithm != null && !ALGORITHM_RSA_AES.equalsIgnoreCase(algorithm)) {
            throw bad("the Encrypt header names algorithm '" + (algorithm.length() > 16 ? algorithm.substring(0, 16) + "..." : algorithm)
                      + "'; only RSA_AES is supported");
        }
        if (symmetricKey == null || symmetricKey.isEmpty()) {
            throw bad("the Encrypt header has no 'symmetricKey=' part");
        }
        try {
            return new EncryptHeader(ALGORITHM_RSA_AES, keyVersion,
                    Base64.getDecoder().decode(SignatureHeader.percentDecode(symmetricKey)));
        } catch (IllegalArgumentException e) {
            throw bad("the Encrypt header's symmetricKey is not (percent-encoded) base64");
        }
    }

    private static AntomEncryptionException bad(String message) {
        return new AntomEncryptionException(AntomEncryptionException.Reason.BAD_HEADER, message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptHeader other && java.util.Objects.equals(algorithm, other.algorithm)
               && java.util.Objects.equals(keyVersion, other.keyVersion)
               && java.util.Arrays.equals(symmetricKey, other.symmetricKey);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(algorithm, keyVersion, java.util.Arrays.hashCode(symmetricKey));
    }

    @Override
    public String toString() {
        // the wrapped key is useless without the private key, but it has no place in a log line either
        return "EncryptHeader[algorithm=" + algorithm + ", keyVersion=" + keyVersion + "]";
    }
}
