package io.camelantom.routes.notification;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.ConnectionFactory;

import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.connection.SingleConnectionFactory;

/**
 * One notification bridge's caching wrappers around plain JMS connection factories: one connection, sessions and
 * producers reused across sends (Spring's {@link CachingConnectionFactory}, reconnecting after a broker failure). Each
 * wrapper is bound in the registry under a name of its own and closed with the CamelContext. Nothing is shared with
 * other routes or applications.
 */
final class CachedConnections {

    /** Sessions kept: at least the HTTP server's worker threads that send at once. */
    static final int SESSION_CACHE_SIZE = 64;

    private final CamelContext context;
    private final Map<ConnectionFactory, String> beans = new IdentityHashMap<>();

    CachedConnections(CamelContext context) {
        this.context = context;
    }

    /** Whether Spring's JmsTemplate opens a connection per send with this factory (no caching, no pool). */
    static boolean opensConnectionPerSend(ConnectionFactory factory) {
        return factory != null && !(factory instanceof SingleConnectionFactory)
               && !factory.getClass().getName().toLowerCase(java.util.Locale.ROOT).contains("pool");
    }

    /** The factory a caching wrapper sends through (the factory itself when it is no wrapper). */
    static ConnectionFactory target(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (current instanceof SingleConnectionFactory single && single.getTargetConnectionFactory() != null
               && single.getTargetConnectionFactory() != current) {
            current = single.getTargetConnectionFactory();
        }
        return current;
    }

    /** The bean name of this route's caching wrapper around {@code factory}, made on first use. */
    synchronized String beanFor(ConnectionFactory factory) {
        return beans.computeIfAbsent(factory, f -> {
            CachingConnectionFactory caching = new CachingConnectionFactory(f);
            caching.setSessionCacheSize(SESSION_CACHE_SIZE);
            caching.setReconnectOnException(true);
            String name = "antomNotificationConnections-" + UUID.randomUUID();
            context.getRegistry().bind(name, ConnectionFactory.class, caching);
            try {
                context.addService(new ServiceSupport() {
                    @Override
                    protected void doStop() {
                        caching.destroy();
                    }
                }, true, true);
            } catch (Exception e) {
                throw new IllegalStateException("cannot register the notification bridge's JMS connection cache", e);
            }
            return name;
        });
    }
}
