package io.camelantom.encryption;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.camelantom.signing.SdkTestVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The OpenSSL-made RSA_AES vector (src/test/resources/encryption-vectors, see its README), both ways. */
class RsaAesOpensslVectorTest {

    private static final String DIR = "/encryption-vectors/";

    @TempDir
    Path tmp;

    private static String resource(String name) {
        return SdkTestVectors.resource(name);
    }

    private static PrivateKey privateKey() {
        return SdkTestVectors.PRIVATE_KEY;
    }

    private static PublicKey publicKey() {
        return SdkTestVectors.PUBLIC_KEY;
    }

    @Test
    void ourDecryptionReadsTheOpensslVector() throws IOException {
        String header = "algorithm=RSA_AES,keyVersion=1,symmetricKey="
                        + URLEncoder.encode(resource(DIR + "symmetric-key.b64").strip(), StandardCharsets.UTF_8);
        RsaAes.Opened opened = new RsaAes(RsaAes.Settings.defaults())
                .open(resource(DIR + "request-body.b64").getBytes(StandardCharsets.US_ASCII), header, privateKey());

        assertThat(new String(opened.plaintext(), StandardCharsets.UTF_8)).isEqualTo(resource(DIR + "request-plaintext.json"));
        assertThat(HexFormat.of().formatHex(opened.key().getEncoded())).isEqualTo(resource(DIR + "aes-256-key.hex").strip());
        assertThat(opened.header().keyVersion()).isEqualTo(1);
    }

    @Test
    void theVectorDecryptsWithTheUnencodedHeaderForm() throws IOException {
        String header = "algorithm=RSA_AES, keyVersion=1, symmetricKey=" + resource(DIR + "symmetric-key.b64").strip();
        byte[] plaintext = new RsaAes(RsaAes.Settings.defaults())
                .open(resource(DIR + "request-body.b64").getBytes(StandardCharsets.US_ASCII), header, privateKey()).plaintext();
        assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(resource(DIR + "request-plaintext.json"));
    }

    @Test
    void opensslDecryptsWhatWeEncryptWithTheDefaults() throws Exception {
        assertOpensslDecrypts(RsaAes.Settings.defaults(), "-aes-256-ecb");
    }

    @Test
    void opensslDecryptsAnAes128AsciiKey() throws Exception {
        assertOpensslDecrypts(new RsaAes.Settings(128, AesKeyForm.ASCII_STRING, AesMode.ECB, RsaPadding.PKCS1,
                SymmetricKeyEncoding.BASE64), "-aes-128-ecb");
    }

    private void assertOpensslDecrypts(RsaAes.Settings settings, String cipher) throws Exception {
        assumeTrue(opensslOnPath(), "openssl is not on the PATH");
        byte[] plaintext = resource(DIR + "request-plaintext.json").replace("PAY_20260301_0001", "PAY_é_ünïcode")
                .getBytes(StandardCharsets.UTF_8);
        RsaAes.Sealed sealed = new RsaAes(settings).seal(plaintext, publicKey(), 1);
        EncryptHeader header = EncryptHeader.parse(sealed.header());

        Path key = Files.writeString(tmp.resolve("private.pem"), resource("/test-vectors/test_private_key_pkcs8.pem"));
        Files.writeString(tmp.resolve("symmetric-key.b64"), java.util.Base64.getEncoder().encodeToString(header.symmetricKey()));
        Files.write(tmp.resolve("request-body.b64"), sealed.body());
        openssl("base64", "-d", "-A", "-in", "symmetric-key.b64", "-out", "wrapped.bin");
        openssl("pkeyutl", "-decrypt", "-inkey", key.toString(), "-pkeyopt", "rsa_padding_mode:pkcs1", "-in", "wrapped.bin",
                "-out", "aes.bin");
        openssl("base64", "-d", "-A", "-in", "request-body.b64", "-out", "body.bin");
        String hexKey = HexFormat.of().formatHex(Files.readAllBytes(tmp.resolve("aes.bin")));
        assertThat(hexKey).isEqualTo(HexFormat.of().formatHex(sealed.key().getEncoded()));
        openssl("enc", "-d", cipher, "-K", hexKey, "-in", "body.bin", "-out", "plain.out");

        assertThat(Files.readAllBytes(tmp.resolve("plain.out"))).isEqualTo(plaintext);
    }

    private static boolean opensslOnPath() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("openssl " + String.join(" ", args) + ": " + output).isZero();
    }
}
