package io.camelantom.routes.crash;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.camelantom.routes.broker.EmbeddedBroker;

/**
 * The crash tests' broker, in its own OS process: the routes' {@link EmbeddedBroker} (persistent journal in a test
 * folder, a dead-letter address {@code DLA} after 10 deliveries as a production {@code broker.xml} would have, so that
 * a message the application gives up on is found, never silently dropped) with a TCP acceptor on 127.0.0.1.
 * <p>
 * Arguments: {@code <data folder> <port> [<max delivery attempts>]}. Prints {@value #READY} once it accepts connections.
 */
public final class CrashBroker {

    static final String READY = "CRASH-BROKER READY";

    private CrashBroker() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        EmbeddedBroker broker = new EmbeddedBroker(data).tcpPort(port);
        if (args.length > 2) {
            broker.maxDeliveryAttempts(Integer.parseInt(args[2]));
        }
        broker.start();
        System.out.println(READY + " tcp://127.0.0.1:" + port);
        new CountDownLatch(1).await();
    }
}
