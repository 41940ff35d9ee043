package io.camelantom.routes.reconciliation;

import org.quartz.impl.jdbcjobstore.JobStoreTX;

/**
 * Quartz's {@link JobStoreTX} whose rows are keyed by a fixed cluster name ({@code org.quartz.jobStore.clusterName})
 * instead of the scheduler's name. Quartz keeps every scheduler of a JVM in one registry keyed by scheduler name, so two
 * nodes in one JVM (two CamelContexts, tests) need two names, while a cluster needs one {@code SCHED_NAME} in the
 * database: this store gives both. Without a cluster name it behaves exactly like {@link JobStoreTX}.
 */
public class LedgerJobStore extends JobStoreTX {

    private String clusterName;

    public String getClusterName() {
        return clusterName;
    }

    /** The {@code SCHED_NAME} shared by every node of the cluster. */
    public void setClusterName(String clusterName) {
        this.clusterName = clusterName;
    }

    @Override
    public void setInstanceName(String instanceName) {
        super.setInstanceName(clusterName == null || clusterName.isBlank() ? instanceName : clusterName);
    }
}
