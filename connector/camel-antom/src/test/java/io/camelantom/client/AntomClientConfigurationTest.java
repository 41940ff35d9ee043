package io.camelantom.client;

import java.security.KeyPair;

import io.camelantom.signing.AntomKeys;
import io.camelantom.signing.AntomSigner;
import io.camelantom.signing.AntomVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AntomClientConfigurationTest {

    private static KeyPair keys;

    @BeforeAll
    static void keys() {
        keys = AntomKeys.generateRsaKeyPair(2048);
    }

    private static AntomClientConfiguration.Builder base(String clientId) {
        return AntomClientConfiguration.builder().clientId(clientId).signer(new AntomSigner(keys.getPrivate(), 1))
                .verifier(AntomVerifier.of(keys.getPublic()));
    }

    @Test
    void sandboxClientIdRewritesTheApiPathBeforeSigning() {
        AntomClientConfiguration sandbox = base("SANDBOX_5YBZ1234").build();
        assertThat(sandbox.isSandbox()).isTrue();
        assertThat(sandbox.resolvePath("/ams/api/v1/payments/pay")).isEqualTo("/ams/sandbox/api/v1/payments/pay");
        assertThat(sandbox.resolvePath("/ams/api/v1/risk/payments/decide")).isEqualTo("/ams/api/v1/risk/payments/decide");
        assertThat(sandbox.resolvePath("/openapi/v2/payments/pay")).isEqualTo("/openapi/v2/payments/pay");
    }

    @Test
    void sandboxOptionWinsOverTheClientIdPrefix() {
        assertThat(base("SANDBOX_1").sandbox(false).build().resolvePath("/ams/api/v1/payments/pay"))
                .isEqualTo("/ams/api/v1/payments/pay");
        assertThat(base("LIVE_1").sandbox(true).build().resolvePath("/ams/api/v1/payments/pay"))
                .isEqualTo("/ams/sandbox/api/v1/payments/pay");
        assertThat(base("LIVE_1").build().resolvePath("/ams/api/v1/payments/pay")).isEqualTo("/ams/api/v1/payments/pay");
    }

    @Test
    void gatewayFromRegionOrExplicitUrl() {
        assertThat(base("c").build().getGatewayUrl()).isEqualTo("https://open-na-global.alipay.com");
        assertThat(base("c").region(AntomRegion.ASIA).build().getGatewayUrl()).isEqualTo("https://open-sea-global.alipay.com");
        assertThat(base("c").region(AntomRegion.EUROPE).build().getGatewayUrl()).isEqualTo("https://open-de-global.alipay.com");
        assertThat(base("c").region(AntomRegion.ASIA).gatewayUrl("open-sea.alipay.com/").build().getGatewayUrl())
                .isEqualTo("https://open-sea.alipay.com");
        assertThatThrownBy(() -> base("c").gatewayUrl("ftp://x").build()).hasMessageContaining("gatewayUrl");
    }

    @Test
    void refusesIncompleteConfigurations() {
        assertThatThrownBy(() -> base(null).build()).hasMessageContaining("clientId");
        assertThatThrownBy(() -> base("c").verifier(null).build()).hasMessageContaining("public key");
        assertThat(base("c").verifier(null).verifyResponseSignature(false).build().isVerifyResponseSignature()).isFalse();
        assertThatThrownBy(() -> base("c").proxy("proxy", 0).build()).hasMessageContaining("proxyPort");
    }

    @Test
    void toStringHoldsNoSecret() {
        String text = base("c").agentToken("agent-token-secret").proxy("proxy", 8080).proxyCredentials("bob", "proxy-secret")
                .build().toString();
        assertThat(text).doesNotContain("agent-token-secret").doesNotContain("proxy-secret").doesNotContain("bob")
                .doesNotContain(AntomKeys.toBase64(keys.getPrivate()).substring(0, 40));
    }
}
