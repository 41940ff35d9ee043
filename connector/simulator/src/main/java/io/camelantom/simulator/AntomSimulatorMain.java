package io.camelantom.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.camelantom.signing.AntomKeys;

/**
 * Runs the simulator standalone until Ctrl-C: {@code mvn -q -pl connector/simulator exec:java -Dexec.args="..."}. Without
 * merchant keys it generates (or reuses, from {@code --keys-dir}) a merchant key pair and an Antom key pair and prints
 * the files a client needs.
 */
public final class AntomSimulatorMain {

    static final int DEFAULT_PORT = 8089;
    static final String DEFAULT_CLIENT_ID = "SIMULATOR_CLIENT";
    static final String DEFAULT_KEYS_DIR = "antom-simulator-keys";

    /** The files in {@code --keys-dir}; a client is configured with the merchant private key and the Antom public key. */
    public static final String MERCHANT_PRIVATE_KEY = "merchant-private-key.pem";
    static final String MERCHANT_PUBLIC_KEY = "merchant-public-key.pem";
    static final String ANTOM_PRIVATE_KEY = "antom-private-key.pem";
    public static final String ANTOM_PUBLIC_KEY = "antom-public-key.pem";

    private AntomSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("antom-simulator: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        AntomSimulator simulator = create(options, System.out).start();
        printAddress(simulator, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "antom-simulator-shutdown"));
        stopped.await();
    }

    /** Builds the simulator from the options, generating or reusing keys as needed; prints what a client must use. */
    static AntomSimulator create(Options options, PrintStream out) throws IOException {
        AntomSimulator.Builder builder = AntomSimulator.builder().port(options.port).host(options.host)
                .https(options.https).timeScale(options.timeScale).requireEncryption(options.requireEncryption);
        Path keysDir = options.keysDir.toAbsolutePath().normalize();
        if (options.https) {
            builder.trustMaterialDir(keysDir);
        }
        KeyPair antomKeys;
        if (options.antomPrivateKey != null) {
            PrivateKey privateKey = AntomKeys.privateKey(options.antomPrivateKey, null);
            antomKeys = new KeyPair(publicKeyOf(privateKey), privateKey);
        } else {
            antomKeys = loadOrGenerate(keysDir, ANTOM_PRIVATE_KEY, ANTOM_PUBLIC_KEY, out, "Antom");
        }
        builder.antomKeyPair(antomKeys);
        if (options.merchants.isEmpty()) {
            KeyPair merchant = loadOrGenerate(keysDir, MERCHANT_PRIVATE_KEY, MERCHANT_PUBLIC_KEY, out, "merchant");
            builder.merchant(options.clientIds.isEmpty() ? DEFAULT_CLIENT_ID : options.clientIds.get(0), merchant.getPublic());
            write(keysDir.resolve(ANTOM_PUBLIC_KEY), AntomKeys.toPem(antomKeys.getPublic()), false);
            out.println("Keys for your client, in " + keysDir + ":");
            out.println("  merchant private key (sign requests):    " + keysDir.resolve(MERCHANT_PRIVATE_KEY));
            out.println("  Antom public key (verify responses):     " + keysDir.resolve(ANTOM_PUBLIC_KEY));
            out.println("  merchant public key (the simulator's):   " + keysDir.resolve(MERCHANT_PUBLIC_KEY));
        } else {
            options.merchants.forEach((clientId, file) -> builder.merchant(clientId, AntomKeys.publicKey(file)));
            write(keysDir.resolve(ANTOM_PUBLIC_KEY), AntomKeys.toPem(antomKeys.getPublic()), false);
            out.println("Antom public key (verify responses): " + keysDir.resolve(ANTOM_PUBLIC_KEY));
        }
        return builder.build();
    }

    static void printAddress(AntomSimulator simulator, PrintStream out) {
        out.println("Antom simulator running: " + simulator.baseUrl());
        out.println("  client id(s): " + String.join(", ", simulator.clientIds()) + "   Antom keyVersion: " + simulator.antomKeyVersion());
        out.println("  API: " + simulator.baseUrl() + "/ams/api/v1/payments/pay (also /ams/sandbox/api/v1/payments/...)");
        out.println("  admin: " + simulator.baseUrl() + "/admin/payments");
        if (simulator.trustStoreFile() != null) {
            out.println("  TLS truststore (PKCS12, password " + simulator.trustStorePassword() + "): " + simulator.trustStoreFile());
            out.println("  TLS certificate (PEM): " + simulator.certificatePemFile());
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private static KeyPair loadOrGenerate(Path dir, String privateName, String publicName, PrintStream out, String who)
            throws IOException {
        Path privateFile = dir.resolve(privateName);
        if (Files.exists(privateFile)) {
            PrivateKey privateKey = AntomKeys.privateKey(privateFile, null);
            out.println("Reusing the " + who + " key pair from " + privateFile);
            KeyPair pair = new KeyPair(publicKeyOf(privateKey), privateKey);
            write(dir.resolve(publicName), AntomKeys.toPem(pair.getPublic()), false);
            return pair;
        }
        KeyPair pair = AntomKeys.generateRsaKeyPair(2048);
        write(privateFile, AntomKeys.toPem(pair.getPrivate()), true);
        write(dir.resolve(publicName), AntomKeys.toPem(pair.getPublic()), false);
        out.println("Generated the " + who + " key pair in " + dir);
        return pair;
    }

    private static PublicKey publicKeyOf(PrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("the private key must be an RSA key with CRT parameters (PKCS#8 or PKCS#1)");
        }
        try {
            return java.security.KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the public key", e);
        }
    }

    private static void write(Path file, String content, boolean secret) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        if (secret) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
        }
    }

    /** Command-line options. */
    static final class Options {
        static final String USAGE = """
                Usage: antom-simulator [options]
                  --port N                      port to listen on (default %d; 0 = any free port)
                  --host ADDRESS                address to bind (default 127.0.0.1)
                  --https                       serve HTTPS with a generated self-signed certificate
                  --client-id ID                a merchant's client id (default %s)
                  --merchant-public-key FILE    that merchant's public key (PEM or base64); repeat --client-id/--merchant-public-key per merchant
                  --antom-private-key FILE      the simulator's "Antom" private key (default: generated into --keys-dir)
                  --keys-dir DIR                where generated keys and TLS trust material go (default ./%s)
                  --time-scale X                divide notification resends and simulated delays by X (default 1)
                  --require-encryption          v2: refuse requests without the RSA_AES Encrypt header
                  --help                        this text
                """.formatted(DEFAULT_PORT, DEFAULT_CLIENT_ID, DEFAULT_KEYS_DIR);

        int port = DEFAULT_PORT;
        String host = "127.0.0.1";
        boolean https;
        boolean requireEncryption;
        boolean help;
        final List<String> clientIds = new ArrayList<>();
        final Map<String, Path> merchants = new LinkedHashMap<>();
        Path antomPrivateKey;
        Path keysDir = Path.of(DEFAULT_KEYS_DIR);
        double timeScale = 1.0;

        static Options parse(String[] args) {
            Options o = new Options();
            List<Path> merchantKeys = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--https" -> o.https = true;
                    case "--require-encryption" -> o.requireEncryption = true;
                    case "--help", "-h" -> o.help = true;
                    case "--port" -> o.port = AntomSimulator.validPort(parseInt(value(args, ++i, arg), arg), arg);
                    case "--host" -> o.host = value(args, ++i, arg);
                    case "--client-id" -> o.clientIds.add(value(args, ++i, arg));
                    case "--merchant-public-key" -> merchantKeys.add(Path.of(value(args, ++i, arg)));
                    case "--antom-private-key" -> o.antomPrivateKey = Path.of(value(args, ++i, arg));
                    case "--keys-dir" -> o.keysDir = Path.of(value(args, ++i, arg));
                    case "--time-scale" -> {
                        try {
                            o.timeScale = AntomSimulator.validTimeScale(Double.parseDouble(value(args, ++i, arg)), arg);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--time-scale needs a number");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (!merchantKeys.isEmpty()) {
                if (merchantKeys.size() != o.clientIds.size()) {
                    throw new IllegalArgumentException("give one --client-id per --merchant-public-key (" + o.clientIds.size()
                                                       + " client ids, " + merchantKeys.size() + " keys)");
                }
                for (int i = 0; i < merchantKeys.size(); i++) {
                    o.merchants.put(o.clientIds.get(i), merchantKeys.get(i));
                }
            } else if (o.clientIds.size() > 1) {
                throw new IllegalArgumentException("several --client-id need a --merchant-public-key each");
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int parseInt(String value, String option) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number");
            }
        }
    }
}
