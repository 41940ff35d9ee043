package io.camelantom.routes.notification;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Lets one delivery of a given notification at a time through the de-duplication check and the send.
 * <p>
 * The same notification can arrive twice at the same instant (Antom's resend racing a slow first delivery, a proxy
 * retrying). The store is used non-eagerly, so both would pass its check, and Artemis' duplicate-id check is not
 * atomic for concurrent non-transacted sends (two copies were seen on a clean CI run). A second delivery therefore
 * waits here until the first one has published and recorded its key, and is then answered as a duplicate. Deliveries
 * of different notifications never wait for each other. This holds within one JVM; across nodes the Artemis
 * duplicate id stays the guard.
 */
final class NotificationSerializer implements Processor {

    private final ConcurrentHashMap<String, CountDownLatch> inFlight = new ConcurrentHashMap<>();
    private final long waitMillis;

    NotificationSerializer(long waitMillis) {
        this.waitMillis = waitMillis;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String key = exchange.getProperty(NotificationGate.KEY_PROPERTY, String.class);
        if (key == null) {
            return;
        }
        while (true) {
            CountDownLatch mine = new CountDownLatch(1);
            CountDownLatch current = inFlight.putIfAbsent(key, mine);
            if (current == null) {
                exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                    @Override
                    public void onDone(Exchange done) {
                        inFlight.remove(key, mine);
                        mine.countDown();
                    }
                });
                return;
            }
            if (!current.await(waitMillis, TimeUnit.MILLISECONDS)) {
                // answered 503 by the route: Antom delivers again later, by then the first delivery has finished
                throw new IllegalStateException("another delivery of the same notification is still being published");
            }
        }
    }

    /** Deliveries currently holding a key (for tests). */
    int inFlight() {
        return inFlight.size();
    }
}
