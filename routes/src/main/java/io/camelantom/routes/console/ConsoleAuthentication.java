package io.camelantom.routes.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Who is calling the console: HTTP basic (the configured operator name and password) or a bearer token, both from
 * configuration. Secrets are compared in constant time ({@link MessageDigest#isEqual} on their SHA-256, so neither
 * content nor length leaks through timing); they are kept only as digests and never appear in {@code toString()}.
 */
final class ConsoleAuthentication {

    /** The operator name audited for requests authenticated by the bearer token. */
    static final String TOKEN_OPERATOR = "api-token";

    private final String username;
    private final byte[] usernameDigest;
    private final byte[] passwordDigest;
    private final byte[] tokenDigest;

    /**
     * @param username operator name for HTTP basic
     * @param password its password; null: no HTTP basic
     * @param token    bearer token; null: no bearer token
     * @throws IllegalArgumentException when neither a password nor a token is set (the console never runs open)
     */
    ConsoleAuthentication(String username, String password, String token) {
        if (isBlank(password) && isBlank(token)) {
            throw new IllegalArgumentException(OperationsConsoleRouteTemplate.TEMPLATE_ID + ": set parameter "
                    + OperationsConsoleRouteTemplate.PASSWORD + " or " + OperationsConsoleRouteTemplate.TOKEN
                    + " (the console requires authentication)");
        }
        if (!isBlank(password) && (isBlank(username) || username.contains(":"))) {
            throw new IllegalArgumentException(OperationsConsoleRouteTemplate.TEMPLATE_ID + ": parameter "
                    + OperationsConsoleRouteTemplate.USERNAME + " must be set and contain no ':'");
        }
        this.username = isBlank(username) ? null : username.strip();
        this.usernameDigest = this.username == null ? null : sha256(this.username);
        this.passwordDigest = isBlank(password) ? null : sha256(password);
        this.tokenDigest = isBlank(token) ? null : sha256(token.strip());
    }

    /** The operator's name when {@code authorization} (the HTTP header) carries valid credentials. */
    Optional<String> operator(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7) && tokenDigest != null) {
            return MessageDigest.isEqual(tokenDigest, sha256(value.substring(7).strip()))
                    ? Optional.of(TOKEN_OPERATOR) : Optional.empty();
        }
        if (value.regionMatches(true, 0, "Basic ", 0, 6) && passwordDigest != null) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            // both compared, always: no early exit that tells a right name from a wrong one
            boolean name = MessageDigest.isEqual(usernameDigest, sha256(decoded.substring(0, colon)));
            boolean password = MessageDigest.isEqual(passwordDigest, sha256(decoded.substring(colon + 1)));
            return name & password ? Optional.of(username) : Optional.empty();
        }
        return Optional.empty();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "ConsoleAuthentication[basic=" + (passwordDigest != null) + ", token=" + (tokenDigest != null) + "]";
    }
}
