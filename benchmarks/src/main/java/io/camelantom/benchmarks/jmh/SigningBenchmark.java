package io.camelantom.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.camelantom.signing.AntomKeys;
import io.camelantom.signing.AntomSigner;
import io.camelantom.signing.AntomVerifier;
import io.camelantom.signing.SignatureHeader;
import io.camelantom.signing.SignatureProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** RSA-2048 SHA256withRSA signing and verification of a typical pay request, per provider, one thread. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBenchmark {

    @Param({ "jdk", "accp" })
    public String provider;

    private AntomSigner signer;
    private AntomVerifier verifier;
    private byte[] body;
    private String header;

    static final String PATH = "/ams/api/v1/payments/pay";
    static final String CLIENT_ID = "BENCHMARK_CLIENT";
    static final String TIME = "1700000000000";

    @Setup
    public void setUp() {
        KeyPair keys = AntomKeys.generateRsaKeyPair(2048);
        SignatureProvider p = SignatureProvider.select(SignatureProvider.Choice.parse(provider));
        signer = new AntomSigner(keys.getPrivate(), 1, p);
        verifier = new AntomVerifier(List.of(new AntomVerifier.VersionedKey(null, keys.getPublic())), p);
        body = CodecBenchmark.PAY_JSON.getBytes(StandardCharsets.UTF_8);
        header = signer.sign("POST", PATH, CLIENT_ID, TIME, body).format();
    }

    @Benchmark
    public SignatureHeader sign() {
        return signer.sign("POST", PATH, CLIENT_ID, TIME, body);
    }

    @Benchmark
    public SignatureHeader verify() {
        return verifier.verify("POST", PATH, CLIENT_ID, TIME, body, header);
    }
}
