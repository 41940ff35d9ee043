package io.camelantom.routes;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import javax.sql.DataSource;

import io.camelantom.routes.ledger.EmbeddedLedgerDatabase;
import io.camelantom.routes.ledger.PaymentLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reads parameters inside a real route template's instantiation, as the templates of this module do. */
class TemplateParametersTest {

    private static final String TEMPLATE = "test-template";
    private static final String VALUE = "value";
    private static final String TABLE_PREFIX = "tablePrefix";

    private final CamelContext context = new DefaultCamelContext();
    private final AtomicReference<Function<TemplateParameters, Object>> reading = new AtomicReference<>();
    private final AtomicReference<Object> read = new AtomicReference<>();
    private final AtomicInteger instances = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        context.getPropertiesComponent().addInitialProperty("queue.name", "antom.orders");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                routeTemplate(TEMPLATE)
                        .templateParameter("name")
                        .templateOptionalParameter(VALUE)
                        .templateParameter(TABLE_PREFIX, "TEST_")
                        .configure(rtc -> {
                            try {
                                read.set(reading.get().apply(new TemplateParameters(TEMPLATE, rtc)));
                            } catch (RuntimeException e) {
                                read.set(e);
                            }
                        })
                        .from("direct:{{name}}")
                        .to("log:" + TEMPLATE);
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    /** What {@code how} reads from an instance made with parameter {@value #VALUE} = {@code value} (null: not given). */
    private Object read(String value, Function<TemplateParameters, Object> how) throws Exception {
        reading.set(how);
        String name = "instance" + instances.incrementAndGet();
        TemplatedRouteBuilder builder = TemplatedRouteBuilder.builder(context, TEMPLATE).routeId(name)
                .parameter("name", name);
        if (value != null) {
            builder.parameter(VALUE, value);
        }
        builder.add();
        if (read.get() instanceof RuntimeException e) {
            throw e;
        }
        return read.get();
    }

    @Test
    void resolvesPlaceholdersAndStrips() throws Exception {
        assertThat(read(" {{queue.name}}.DLQ ", p -> p.required(VALUE))).isEqualTo("antom.orders.DLQ");
        assertThat(read("plain", p -> p.required(VALUE))).isEqualTo("plain");
    }

    @Test
    void blankOrMissingIsAbsent() throws Exception {
        assertThat(read("  ", p -> p.optional(VALUE))).isNull();
        assertThat(read(null, p -> p.optional(VALUE))).isNull();
        assertThatThrownBy(() -> read(" ", p -> p.required(VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Template " + TEMPLATE + ": parameter value is required");
    }

    @Test
    void parsesNumbersAndDurationsWithTheParameterInTheMessage() throws Exception {
        assertThat(read("42", p -> p.integer(VALUE))).isEqualTo(42);
        assertThat(read("30000", p -> p.longInteger(VALUE))).isEqualTo(30_000L);
        assertThat(read("1.5", p -> p.decimal(VALUE))).isEqualTo(1.5);
        assertThat(read("PT2M", p -> p.duration(VALUE))).isEqualTo(Duration.ofMinutes(2));
        assertThat(read("5m", p -> p.camelDuration(VALUE))).isEqualTo(Duration.ofMinutes(5));
        assertThat(read("300000", p -> p.camelDuration(VALUE))).isEqualTo(Duration.ofMinutes(5));

        assertThatThrownBy(() -> read("many", p -> p.integer(VALUE)))
                .hasMessage(TEMPLATE + ": parameter value must be a whole number, was 'many'");
        assertThatThrownBy(() -> read("2 minutes", p -> p.duration(VALUE)))
                .hasMessage(TEMPLATE + ": parameter value must be an ISO-8601 duration such as PT1S, was '2 minutes'");
        assertThatThrownBy(() -> read("soon", p -> p.camelDuration(VALUE)))
                .hasMessageStartingWith(TEMPLATE + ": parameter value must be a duration such as 5m");
    }

    @Test
    void listsDropEmptyItems() throws Exception {
        assertThat(read(" a, ,b ,", p -> p.list(VALUE))).isEqualTo(List.of("a", "b"));
        assertThat(read(null, p -> p.list(VALUE))).isEqualTo(List.of());
    }

    @Test
    void findsBeansByAnyFormOfReference() throws Exception {
        Clock fixed = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        context.getRegistry().bind("testClock", Clock.class, fixed);

        for (String reference : List.of("testClock", "#testClock", "#bean:testClock", " {{clock.name:testClock}} ")) {
            assertThat(read(reference, p -> p.bean(VALUE, Clock.class))).as(reference).isSameAs(fixed);
        }
        assertThat(read(null, p -> p.bean(VALUE, Clock.class))).isNull();
        assertThatThrownBy(() -> read(null, p -> p.requiredBean(VALUE, Clock.class)))
                .hasMessage("Template " + TEMPLATE + ": parameter value is required");
        assertThatThrownBy(() -> read("#otherClock", p -> p.bean(VALUE, Clock.class)))
                .hasMessage(TEMPLATE + ": no java.time.Clock bean named 'otherClock' (parameter value)");
    }

    @Test
    void takesTheOnlyBeanOfTheTypeWhenNoneHasTheName() throws Exception {
        Clock fixed = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        context.getRegistry().bind("someClock", Clock.class, fixed);
        assertThat(read("antomClock", p -> p.beanOrOnlyOfType(VALUE, Clock.class))).isSameAs(fixed);

        context.getRegistry().bind("secondClock", Clock.class, Clock.systemUTC());
        assertThat(read("secondClock", p -> p.beanOrOnlyOfType(VALUE, Clock.class))).isNotSameAs(fixed);
        assertThatThrownBy(() -> read("antomClock", p -> p.beanOrOnlyOfType(VALUE, Clock.class)))
                .hasMessage(TEMPLATE + ": no java.time.Clock bean named 'antomClock' (parameter value), and 2 Clock "
                        + "beans, so none is picked by type");
    }

    @Test
    void opensTheLedgerOnTheNamedDataSourceWithItsSchema(@TempDir Path folder) throws Exception {
        try (EmbeddedLedgerDatabase database = EmbeddedLedgerDatabase.open(folder)) {
            context.getRegistry().bind("ledgerDatabase", DataSource.class, database.dataSource());
            PaymentLedger ledger = (PaymentLedger) read("#ledgerDatabase",
                    p -> p.ledger(VALUE, TABLE_PREFIX, Clock.systemUTC()));
            assertThat(ledger.tablePrefix()).isEqualTo("TEST_");
            // the schema was created: the ledger's own query runs on its table
            assertThat(ledger.findLatestForOrder("no-such-order")).isEmpty();
        }
        assertThatThrownBy(() -> read(null, p -> p.ledger(VALUE, TABLE_PREFIX, Clock.systemUTC())))
                .hasMessage("Template " + TEMPLATE + ": parameter value is required");
        assertThatThrownBy(() -> read("otherDatabase", p -> p.ledger(VALUE, TABLE_PREFIX, Clock.systemUTC())))
                .hasMessage(TEMPLATE + ": no javax.sql.DataSource bean named 'otherDatabase' (parameter value)");
    }

    @Test
    void namesTheParameterOfAWrongValue() throws Exception {
        assertThatThrownBy(() -> read("ftp://x", p -> {
            throw p.invalid(VALUE, "must be an absolute http(s) URL, was 'ftp://x'");
        })).hasMessage(TEMPLATE + ": parameter value must be an absolute http(s) URL, was 'ftp://x'");
    }
}
