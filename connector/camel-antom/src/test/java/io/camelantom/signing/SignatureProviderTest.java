package io.camelantom.signing;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Both signature providers (the JDK's and Amazon Corretto Crypto Provider, which is on this module's test class path)
 * reproduce the SDK's vectors byte for byte and verify each other's signatures; the provider is never registered
 * JVM-wide.
 */
class SignatureProviderTest {

    private static final JsonNode vectors = SdkTestVectors.SIGNATURES;
    private static final PrivateKey privateKey = SdkTestVectors.PRIVATE_KEY;
    private static final PublicKey publicKey = SdkTestVectors.PUBLIC_KEY;

    @Test
    void autoPicksTheNativeProviderWhenPresentWithoutRegisteringIt() {
        SignatureProvider auto = SignatureProvider.select(SignatureProvider.Choice.auto);
        assertThat(auto.isJdk()).isFalse();
        assertThat(auto.name()).startsWith("ACCP ");
        assertThat(SignatureProvider.select(SignatureProvider.Choice.accp).name()).isEqualTo(auto.name());
        assertThat(SignatureProvider.select(SignatureProvider.Choice.jdk).isJdk()).isTrue();
        assertThat(java.security.Security.getProviders()).noneMatch(p -> p.getClass().getName()
                .equals(SignatureProvider.ACCP_CLASS));
        assertThat(new AntomSigner(privateKey, 1).getProvider().name()).isEqualTo(auto.name());
    }

    @Test
    void choiceIsParsedWithAClearError() {
        assertThat(SignatureProvider.Choice.parse(null)).isEqualTo(SignatureProvider.Choice.auto);
        assertThat(SignatureProvider.Choice.parse(" JDK ")).isEqualTo(SignatureProvider.Choice.jdk);
        assertThatThrownBy(() -> SignatureProvider.Choice.parse("openssl")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, jdk or accp");
    }

    @TestFactory
    Stream<DynamicTest> everyProviderReproducesTheSdkVectorsByteForByte() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SignatureProvider.Choice choice : List.of(SignatureProvider.Choice.jdk, SignatureProvider.Choice.accp)) {
            SignatureProvider provider = SignatureProvider.select(choice);
            for (JsonNode v : vectors.get("vectors")) {
                tests.add(dynamicTest(choice + ": " + v.get("id").asText(), () -> {
                    byte[] body = Base64.getDecoder().decode(v.get("body_utf8_base64").asText());
                    AntomSigner signer = new AntomSigner(privateKey, v.get("key_version").asInt(), provider);
                    // twice: the second signature comes from the thread's reused Signature object
                    for (int i = 0; i < 2; i++) {
                        SignatureHeader header = signer.sign(v.get("http_method").asText(), v.get("path").asText(),
                                v.get("client_id").asText(), v.get("time_value").asText(), body);
                        assertThat(header.format()).isEqualTo(v.get("signature_header").asText());
                    }
                    for (SignatureProvider.Choice verifierChoice : SignatureProvider.Choice.values()) {
                        AntomVerifier verifier = new AntomVerifier(List.of(new AntomVerifier.VersionedKey(null, publicKey)),
                                SignatureProvider.select(verifierChoice));
                        verifier.verify(v.get("http_method").asText(), v.get("path").asText(), v.get("client_id").asText(),
                                v.get("time_value").asText(), body, v.get("signature_header").asText());
                        byte[] tampered = body.clone();
                        tampered[0] ^= 1;
                        assertThatThrownBy(() -> verifier.verify(v.get("http_method").asText(), v.get("path").asText(),
                                v.get("client_id").asText(), v.get("time_value").asText(), tampered,
                                v.get("signature_header").asText())).isInstanceOf(AntomSignatureException.class)
                                .extracting(e -> ((AntomSignatureException) e).getReason())
                                .isEqualTo(AntomSignatureException.Reason.SIGNATURE_MISMATCH);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void oneSignerIsSafeAcrossThreads() throws Exception {
        JsonNode v = vectors.get("vectors").get(0);
        byte[] body = Base64.getDecoder().decode(v.get("body_utf8_base64").asText());
        AntomSigner signer = new AntomSigner(privateKey, v.get("key_version").asInt(),
                SignatureProvider.select(SignatureProvider.Choice.accp));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> signer.sign(v.get("http_method").asText(), v.get("path").asText(),
                        v.get("client_id").asText(), v.get("time_value").asText(), body).format()));
            }
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(v.get("signature_header").asText());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
