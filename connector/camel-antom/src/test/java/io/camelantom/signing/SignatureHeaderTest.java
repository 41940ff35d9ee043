package io.camelantom.signing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignatureHeaderTest {

    private static final String BASE64 = "ab+cd/ef==";

    @Test
    void formatsLikeTheSdk() {
        assertThat(new SignatureHeader("RSA256", 2, BASE64).format())
                .isEqualTo("algorithm=RSA256,keyVersion=2,signature=ab%2Bcd%2Fef%3D%3D");
    }

    @Test
    void encodesEveryValueAsUrlEncoderDoes() {
        // the short path covers base64; anything else takes URLEncoder's rules
        for (String value : new String[] { BASE64, "AZaz09+/=", "not base64: a b*c.d-e_f~g\u00e9\u20ac%", "" }) {
            assertThat(SignatureHeader.urlEncode(value))
                    .isEqualTo(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void percentDecodesAsciiAndUtf8Escapes() {
        assertThat(SignatureHeader.percentDecode("ab%2Bcd%2fef%3D%3d")).isEqualTo(BASE64);
        assertThat(SignatureHeader.percentDecode("caf%C3%A9+%41")).isEqualTo("café+A");
        assertThatThrownBy(() -> SignatureHeader.percentDecode("ab%2")).hasMessageContaining("truncated");
        assertThatThrownBy(() -> SignatureHeader.percentDecode("ab%zz")).hasMessageContaining("invalid");
    }

    @Test
    void parsesPartsInAnyOrderWithSpacesAndAnyCase() {
        SignatureHeader header = SignatureHeader.parse(" signature=ab%2bcd%2Fef%3d%3D , KEYVERSION = 3 ,Algorithm=RSA256 ");
        assertThat(header.signature()).isEqualTo(BASE64);
        assertThat(header.keyVersion()).isEqualTo(3);
        assertThat(header.algorithm()).isEqualTo("RSA256");
    }

    @Test
    void keepsAPlusOfASignatureThatWasNotUrlEncoded() {
        assertThat(SignatureHeader.parse("algorithm=RSA256,keyVersion=1,signature=" + BASE64).signature()).isEqualTo(BASE64);
    }

    @Test
    void keyVersionIsOptional() {
        SignatureHeader header = SignatureHeader.parse("signature=" + BASE64);
        assertThat(header.keyVersion()).isNull();
        assertThat(header.algorithm()).isNull();
    }

    @Test
    void roundTrips() {
        SignatureHeader header = new SignatureHeader("RSA256", 7, BASE64);
        assertThat(SignatureHeader.parse(header.format())).isEqualTo(header);
    }

    @Test
    void refusesMissingOrBrokenHeadersWithAReason() {
        assertReason(null, AntomSignatureException.Reason.MISSING_SIGNATURE, "missing");
        assertReason("  ", AntomSignatureException.Reason.MISSING_SIGNATURE, "missing");
        assertReason("algorithm=RSA256,keyVersion=1", AntomSignatureException.Reason.MISSING_SIGNATURE, "no 'signature='");
        assertReason("algorithm=RSA256,keyVersion=1,signature=", AntomSignatureException.Reason.MISSING_SIGNATURE, "no 'signature='");
        assertReason("algorithm=RSA256,keyVersion=one,signature=abc", AntomSignatureException.Reason.UNPARSABLE_SIGNATURE, "keyVersion");
        assertReason("algorithm=RSA256,garbage,signature=abc", AntomSignatureException.Reason.UNPARSABLE_SIGNATURE, "name=value");
        assertReason("signature=abc%2", AntomSignatureException.Reason.UNPARSABLE_SIGNATURE, "truncated");
        assertReason("signature=abc%zz", AntomSignatureException.Reason.UNPARSABLE_SIGNATURE, "invalid percent");
    }

    @Test
    void toStringLeavesOutTheSignature() {
        assertThat(new SignatureHeader("RSA256", 1, BASE64).toString()).doesNotContain("ab+cd");
    }

    private static void assertReason(String value, AntomSignatureException.Reason reason, String messagePart) {
        assertThatThrownBy(() -> SignatureHeader.parse(value))
                .isInstanceOf(AntomSignatureException.class)
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((AntomSignatureException) e).getReason()).isEqualTo(reason));
    }
}
