package io.camelantom.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code openssl speed -seconds N rsa2048} on one core: the sign/s figure our signing is compared with. */
final class OpensslSpeed {

    private static final Pattern RSA_LINE = Pattern.compile("^rsa\\s+2048 bits\\s+\\S+s\\s+\\S+s\\s+([0-9.]+)\\s+([0-9.]+)");

    record Result(double signsPerSecond, double verifiesPerSecond, String version) {
    }

    private OpensslSpeed() {
    }

    /** @return the figures, or {@code null} when openssl is not installed */
    static Result run(int seconds) {
        try {
            String version = output(new ProcessBuilder("openssl", "version"), 30).strip();
            String speed = output(new ProcessBuilder("openssl", "speed", "-seconds", String.valueOf(seconds), "rsa2048"),
                    seconds * 4L + 60);
            for (String line : speed.split("\n")) {
                Matcher m = RSA_LINE.matcher(line.strip());
                if (m.find()) {
                    return new Result(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), version);
                }
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String output(ProcessBuilder builder, long timeoutSeconds) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return out.toString();
    }
}
