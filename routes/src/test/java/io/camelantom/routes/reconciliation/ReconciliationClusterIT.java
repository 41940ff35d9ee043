package io.camelantom.routes.reconciliation;

import io.camelantom.routes.testsupport.Await;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.camelantom.routes.ledger.EmbeddedLedgerDatabase;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two applications (CamelContexts) over one H2 file database, each with the {@code antom-reconciliation} template fired
 * by Quartz every second: with clustered Quartz (JDBC JobStore on that database) each fire time runs on one node only;
 * with in-memory Quartz both nodes run at once and the ledger's claim still lets only one inquire each payment.
 */
class ReconciliationClusterIT {

    @TempDir
    Path dir;

    record Run(String node, Date scheduledFireTime, ReconciliationReport report) {
    }

    @Test
    void withClusteredQuartzEachRunHappensOnceAndEachDuePaymentIsInquiredOncePerRun() throws Exception {
        try (ReconciliationHarness h = new ReconciliationHarness(dir, Duration.ofHours(24));
                EmbeddedLedgerDatabase secondPool = EmbeddedLedgerDatabase.open(dir.resolve("ledger"))) {
            ClusteredQuartz.createTablesIfMissing(h.db.dataSource());
            ClusteredQuartz.createTablesIfMissing(secondPool.dataSource()); // already there: nothing done
            h.parameters.put(ReconciliationRouteTemplate.CRON, "* * * * * ?");
            List<Run> runs = new CopyOnWriteArrayList<>();
            h.startApp(node(runs, "node-1", true, c -> c.addComponent("quartz",
                    ClusteredQuartz.component(h.db.dataSource(), "antom-reconciliation-it", "node-1", 1000))));
            h.startApp(node(runs, "node-2", true, c -> {
                c.getRegistry().bind(ReconciliationRouteTemplate.DEFAULT_DATA_SOURCE, secondPool.dataSource());
                c.addComponent("quartz",
                        ClusteredQuartz.component(secondPool.dataSource(), "antom-reconciliation-it", "node-2", 1000));
            }));
            List<String> ids = List.of(h.payLeftProcessing("CL-1", 1063), h.payLeftProcessing("CL-2", 2063),
                    h.payLeftProcessing("CL-3", 3063));

            h.clock.advance(Duration.ofMinutes(2));
            Await.until("the payments checked", Duration.ofSeconds(20),
                    () -> ids.stream().allMatch(id -> h.inquiries(id) == 1));
            int before = runs.size();
            Await.until("two more runs", Duration.ofSeconds(20), () -> runs.size() >= before + 2);
            h.clock.advance(Duration.ofMinutes(1)); // the backoff has passed: due again
            Await.until("the payments checked again", Duration.ofSeconds(20),
                    () -> ids.stream().allMatch(id -> h.inquiries(id) == 2));
            int later = runs.size();
            Await.until("two more runs", Duration.ofSeconds(20), () -> runs.size() >= later + 2);

            for (String id : ids) {
                assertThat(h.inquiries(id)).as("inquiries of " + id).isEqualTo(2);
            }
            Map<Date, Long> nodesPerFireTime = runs.stream()
                    .collect(Collectors.groupingBy(Run::scheduledFireTime, Collectors.counting()));
            assertThat(nodesPerFireTime.values()).as("each fire time ran on one node only").allMatch(n -> n == 1);
            assertThat(runs.stream().mapToInt(r -> r.report().checked()).sum()).isEqualTo(6);
        }
    }

    @Test
    void withInMemoryQuartzOverlappingRunsStillInquireEachPaymentOnce() throws Exception {
        try (ReconciliationHarness h = new ReconciliationHarness(dir, Duration.ofHours(24));
                EmbeddedLedgerDatabase secondPool = EmbeddedLedgerDatabase.open(dir.resolve("ledger"))) {
            h.parameters.put(ReconciliationRouteTemplate.CRON, "* * * * * ?");
            List<Run> runs = new CopyOnWriteArrayList<>();
            h.startApp(node(runs, "node-1", false, c -> {
            }));
            h.startApp(node(runs, "node-2", false, c -> c.getRegistry()
                    .bind(ReconciliationRouteTemplate.DEFAULT_DATA_SOURCE, secondPool.dataSource())));
            List<String> ids = List.of(h.payLeftProcessing("OV-1", 1063), h.payLeftProcessing("OV-2", 2063),
                    h.payLeftProcessing("OV-3", 3063), h.payLeftProcessing("OV-4", 4063));

            h.clock.advance(Duration.ofMinutes(2));
            Await.until("both nodes to run three times after the payments were due",
                    Duration.ofSeconds(20), () -> runs.stream().filter(r -> r.node().equals("node-1")).count() >= 3
                            && runs.stream().filter(r -> r.node().equals("node-2")).count() >= 3
                            && ids.stream().allMatch(id -> h.inquiries(id) >= 1));
            Thread.sleep(1500);

            for (String id : ids) {
                assertThat(h.inquiries(id)).as("inquiries of " + id).isEqualTo(1);
            }
            assertThat(runs.stream().mapToInt(r -> r.report().checked()).sum()).isEqualTo(ids.size());
        }
    }

    /**
     * Records the node's runs. A cluster's nodes share one CamelContext name (camel-quartz finds the context of a fired
     * job by name); in-memory Quartz names its scheduler after the context, so there each node has its own name.
     */
    private static ReconciliationHarness.AppCustomizer node(List<Run> runs, String node, boolean clustered,
            ReconciliationHarness.AppCustomizer more) {
        return context -> {
            context.getCamelContextExtension().setName(clustered ? "antom-node" : "antom-" + node);
            context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    Exchange e = ((CamelEvent.ExchangeCompletedEvent) event).getExchange();
                    if ("reconciliation".equals(e.getFromRouteId())
                            && e.getMessage().getBody() instanceof ReconciliationReport report) {
                        runs.add(new Run(node, e.getMessage().getHeader("scheduledFireTime", Date.class), report));
                    }
                }

                @Override
                public boolean isEnabled(CamelEvent event) {
                    return event instanceof CamelEvent.ExchangeCompletedEvent;
                }
            });
            more.customize(context);
        };
    }

}
