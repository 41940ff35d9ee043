package io.camelantom.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Antom's Java SDK test vectors (src/test/resources/test-vectors, made with global-open-sdk-java 2.0.45) and the key
 * pair that made them, read once for every test that checks against them.
 */
public final class SdkTestVectors {

    /** signatures.json: {@code vectors} (one signed request each) and {@code client_captures}. */
    public static final JsonNode SIGNATURES = json("/test-vectors/signatures.json");
    public static final PrivateKey PRIVATE_KEY = AntomKeys.privateKey(resource("/test-vectors/test_private_key_pkcs8.pem"));
    public static final PublicKey PUBLIC_KEY = AntomKeys.publicKey(resource("/test-vectors/test_public_key_x509.pem"));

    private SdkTestVectors() {
    }

    /** A test resource as UTF-8 text; a missing one fails the test with its name. */
    public static String resource(String name) {
        try (InputStream in = SdkTestVectors.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    private static JsonNode json(String name) {
        try {
            return new ObjectMapper().readTree(resource(name));
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }
}
