package io.camelantom.signing;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AntomVerifierTest {

    private static final String PATH = "/ams/api/v1/payments/pay";
    private static final String CLIENT = "TEST_CLIENT";
    private static final String TIME = "2024-06-01T12:01:02+08:00";
    private static final byte[] BODY = "{\"result\":{\"resultStatus\":\"S\"}}".getBytes(StandardCharsets.UTF_8);

    // generated once per class: key generation is slow, and keys are no state the tests change
    private static final KeyPair current = AntomKeys.generateRsaKeyPair(2048);
    private static final KeyPair previous = AntomKeys.generateRsaKeyPair(2048);

    private static String sign(KeyPair pair, int keyVersion) {
        return new AntomSigner(pair.getPrivate(), keyVersion).sign("POST", PATH, CLIENT, TIME, BODY).format();
    }

    @Test
    void selectsTheKeyByKeyVersionDuringARotation() {
        AntomVerifier verifier = new AntomVerifier(List.of(
                new AntomVerifier.VersionedKey(1, previous.getPublic()),
                new AntomVerifier.VersionedKey(2, current.getPublic())));
        assertThat(verifier.verify("POST", PATH, CLIENT, TIME, BODY, sign(previous, 1)).keyVersion()).isEqualTo(1);
        assertThat(verifier.verify("POST", PATH, CLIENT, TIME, BODY, sign(current, 2)).keyVersion()).isEqualTo(2);
        // the right key under the wrong version is a mismatch: versions are not interchangeable
        assertThatThrownBy(() -> verifier.verify("POST", PATH, CLIENT, TIME, BODY, sign(current, 1)))
                .isInstanceOf(AntomSignatureException.class)
                .hasMessageContaining("keyVersion 1")
                .satisfies(e -> assertThat(((AntomSignatureException) e).getReason())
                        .isEqualTo(AntomSignatureException.Reason.SIGNATURE_MISMATCH));
    }

    @Test
    void unknownKeyVersionIsReportedAsSuch() {
        AntomVerifier verifier = new AntomVerifier(List.of(new AntomVerifier.VersionedKey(1, current.getPublic())));
        assertThatThrownBy(() -> verifier.verify("POST", PATH, CLIENT, TIME, BODY, sign(current, 5)))
                .isInstanceOf(AntomSignatureException.class)
                .hasMessageContaining("keyVersion 5").hasMessageContaining("configured versions: 1")
                .satisfies(e -> assertThat(((AntomSignatureException) e).getReason())
                        .isEqualTo(AntomSignatureException.Reason.UNKNOWN_KEY_VERSION));
    }

    @Test
    void anUnversionedKeyServesEveryVersionAndAHeaderWithoutVersionTriesEveryKey() {
        AntomVerifier verifier = new AntomVerifier(List.of(
                new AntomVerifier.VersionedKey(1, previous.getPublic()),
                new AntomVerifier.VersionedKey(null, current.getPublic())));
        assertThat(verifier.verify("POST", PATH, CLIENT, TIME, BODY, sign(current, 9)).keyVersion()).isEqualTo(9);
        String noVersion = "algorithm=RSA256,signature=" + SignatureHeader.parse(sign(previous, 1)).format().split("signature=")[1];
        assertThat(verifier.verify("POST", PATH, CLIENT, TIME, BODY, noVersion).keyVersion()).isNull();
    }

    @Test
    void wrongKeyFails() {
        AntomVerifier verifier = AntomVerifier.of(previous.getPublic());
        assertThatThrownBy(() -> verifier.verify("POST", PATH, CLIENT, TIME, BODY, sign(current, 1)))
                .isInstanceOf(AntomSignatureException.class).hasMessageContaining("does not match");
    }

    @Test
    void missingSignedPartsAndHeaderAreNamed() {
        AntomVerifier verifier = AntomVerifier.of(current.getPublic());
        String header = sign(current, 1);
        assertThatThrownBy(() -> verifier.verify("POST", PATH, null, TIME, BODY, header))
                .hasMessageContaining("client-id");
        assertThatThrownBy(() -> verifier.verify("POST", PATH, CLIENT, "", BODY, header))
                .hasMessageContaining("request-time");
        assertThatThrownBy(() -> verifier.verify("POST", PATH, CLIENT, TIME, BODY, null))
                .isInstanceOf(AntomSignatureException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> verifier.verify("POST", PATH, CLIENT, TIME, BODY, "algorithm=RSA256,signature=%%%"))
                .isInstanceOf(AntomSignatureException.class);
        assertThatThrownBy(() -> verifier.verify("POST", PATH, CLIENT, TIME, BODY, "algorithm=RSA256,signature=not*base64"))
                .isInstanceOf(AntomSignatureException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> verifier.verify("POST", PATH, CLIENT, TIME, BODY, header.replace("RSA256", "RSA512")))
                .isInstanceOf(AntomSignatureException.class).hasMessageContaining("only RSA256");
    }

    @Test
    void aShortSignatureIsAMismatchNotACrash() {
        AntomVerifier verifier = AntomVerifier.of(current.getPublic());
        assertThatThrownBy(() -> verifier.verify("POST", PATH, CLIENT, TIME, BODY, "algorithm=RSA256,keyVersion=1,signature=AAAA"))
                .isInstanceOf(AntomSignatureException.class)
                .satisfies(e -> assertThat(((AntomSignatureException) e).getReason())
                        .isEqualTo(AntomSignatureException.Reason.SIGNATURE_MISMATCH));
    }

    @Test
    void needsAtLeastOneKey() {
        assertThatThrownBy(() -> new AntomVerifier(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
