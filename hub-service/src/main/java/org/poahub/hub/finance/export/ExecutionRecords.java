package org.poahub.hub.finance.export;

import java.time.Instant;
import org.poahub.contract.ExecutionAction;
import org.poahub.contract.ExecutionLine;
import org.poahub.contract.ExecutionOperation;
import org.poahub.contract.FinanceExecution;

/** A recorded export as the Avro record of {@code poa.finance.execution} (schemas' {@code FinanceExecution.avsc}). */
final class ExecutionRecords {

    private ExecutionRecords() {
    }

    /** The record key: {@code <gestión>/<period>}, so a newer version of the period replaces the older one. */
    static String key(int fiscalYear, String period) {
        return fiscalYear + "/" + period;
    }

    static FinanceExecution of(PeriodExecution e, int version, String stateSha256, Instant exportedAt) {
        return FinanceExecution.newBuilder()
                .setEntityCode(e.entityCode())
                .setEntityAcronym(e.entityAcronym())
                .setFiscalYear(e.fiscalYear())
                .setPeriod(e.period())
                .setPeriodStart(e.periodStart())
                .setPeriodEnd(e.periodEnd())
                .setVersion(version)
                .setStateSha256(stateSha256)
                .setPlanVersion(e.planVersion())
                .setMappingVersion(e.mappingVersion())
                .setExportedAt(exportedAt)
                .setPhysicalProgress(e.physicalProgress())
                .setBudget(e.budget())
                .setSpent(e.spent())
                .setActions(e.actions().stream().map(a -> ExecutionAction.newBuilder().setCode(a.code())
                        .setName(a.name()).setWeight(a.weight()).setPhysicalProgress(a.physicalProgress())
                        .setPlannedProgress(a.plannedProgress()).setBudget(a.budget()).setSpent(a.spent()).build())
                        .toList())
                .setOperations(e.operations().stream().map(o -> ExecutionOperation.newBuilder().setCode(o.code())
                        .setName(o.name()).setCategory(o.category()).setPhysicalProgress(o.physicalProgress())
                        .setPlannedProgress(o.plannedProgress()).setBudget(o.budget()).setSpent(o.spent()).build())
                        .toList())
                .setLines(e.lines().stream().map(l -> ExecutionLine.newBuilder().setCategory(l.category())
                        .setPartida(l.partida()).setSource(l.source()).setBudget(l.budget()).setSpent(l.spent())
                        .setExecutionPercent(l.executionPercent()).build())
                        .toList())
                .build();
    }
}
