package org.poahub.agent.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecordBase;
import org.poahub.agent.report.ExpenditureInput;
import org.poahub.agent.report.ProgressInput;
import org.poahub.agent.store.ReportDraft;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Commands that record a report: avance, gasto, corregir, revertir. */
final class RecordCommands {

    private RecordCommands() {
    }

    /** Validates and saves one draft; the report is on disk when this returns OK. */
    static int save(AgentContext ctx, ReportDraft draft) {
        return Printer.saved(System.out, System.err, ctx.store().save(List.of(draft), ctx.validator()));
    }

    @Command(name = "avance", description = "Registra el avance físico acumulado de una operación.")
    static final class Progress implements Callable<Integer> {
        @ParentCommand
        AgentMain root;
        @Option(names = "--operacion", paramLabel = "<código>", required = true, description = "Código de la operación, p. ej. 11.04.02.")
        String operation;
        @Option(names = "--desde", paramLabel = "<AAAA-MM-DD>", required = true, description = "Inicio del periodo (AAAA-MM-DD).")
        LocalDate from;
        @Option(names = "--hasta", paramLabel = "<AAAA-MM-DD>", required = true, description = "Fin del periodo (AAAA-MM-DD).")
        LocalDate to;
        @Option(names = "--valor", paramLabel = "<número>", required = true, description = "Valor alcanzado acumulado hacia la meta.")
        BigDecimal value;
        @Option(names = "--porcentaje", paramLabel = "<número>", description = "Porcentaje de avance (0 a 100).")
        BigDecimal percent;
        @Option(names = "--narrativa", paramLabel = "<texto>", defaultValue = "", description = "Descripción del avance.")
        String narrative;
        @Option(names = "--evidencia", paramLabel = "<documento>", description = "Documento de verificación (se puede repetir).")
        List<String> evidence;
        @Option(names = "--responsable", paramLabel = "<nombre>", required = true, description = "Nombre de quien informa.")
        String reporter;
        @Option(names = "--gestion", paramLabel = "<año>", description = "Gestión (año fiscal); por defecto la de la configuración.")
        Integer year;

        @Override
        public Integer call() {
            try (AgentContext ctx = AgentContext.open(root.configFile())) {
                int fiscalYear = year != null ? year : ctx.config().fiscalYear();
                return save(ctx, ctx.factory().progress(new ProgressInput(fiscalYear, operation, from, to, value,
                        percent, narrative, evidence, reporter, null)));
            }
        }
    }

    @Command(name = "gasto", description = "Registra un gasto (ejecución presupuestaria) de una operación.")
    static final class Expenditure implements Callable<Integer> {
        @ParentCommand
        AgentMain root;
        @Option(names = "--operacion", paramLabel = "<código>", required = true, description = "Código de la operación, p. ej. 11.04.02.")
        String operation;
        @Option(names = "--partida", paramLabel = "<partida>", required = true, description = "Objeto del gasto, p. ej. 25220.")
        String objectCode;
        @Option(names = "--fuente", paramLabel = "<fuente>", defaultValue = "Columna 1", description = "Fuente de financiamiento (columna de financiamiento del plan; por defecto «Columna 1»).")
        String source;
        @Option(names = "--monto", paramLabel = "<monto>", required = true, description = "Monto en bolivianos, p. ej. 1250.50.")
        BigDecimal amount;
        @Option(names = "--fecha", paramLabel = "<AAAA-MM-DD>", required = true, description = "Fecha del gasto (AAAA-MM-DD).")
        LocalDate date;
        @Option(names = "--comprobante", paramLabel = "<número>", required = true, description = "Número del comprobante.")
        String document;
        @Option(names = "--descripcion", paramLabel = "<texto>", defaultValue = "", description = "Descripción del gasto.")
        String description;
        @Option(names = "--gestion", paramLabel = "<año>", description = "Gestión (año fiscal); por defecto la de la configuración.")
        Integer year;

        @Override
        public Integer call() {
            try (AgentContext ctx = AgentContext.open(root.configFile())) {
                int fiscalYear = year != null ? year : ctx.config().fiscalYear();
                return save(ctx, ctx.factory().expenditure(new ExpenditureInput(fiscalYear, operation, objectCode,
                        source, amount, date, document, description, null)));
            }
        }
    }

    @Command(name = "corregir", description = "Corrige un informe de avance ya registrado (queda enlazado al original).")
    static final class Correct implements Callable<Integer> {
        @ParentCommand
        AgentMain root;
        @Parameters(paramLabel = "<id>", index = "0", description = "Id del informe a corregir (ver 'listar').")
        UUID target;
        @Option(names = "--valor", paramLabel = "<número>", description = "Valor alcanzado corregido.")
        BigDecimal value;
        @Option(names = "--porcentaje", paramLabel = "<número>", description = "Porcentaje corregido.")
        BigDecimal percent;
        @Option(names = "--narrativa", paramLabel = "<texto>", description = "Narrativa corregida.")
        String narrative;
        @Option(names = "--responsable", paramLabel = "<nombre>", required = true, description = "Nombre de quien corrige.")
        String reporter;

        @Override
        public Integer call() {
            try (AgentContext ctx = AgentContext.open(root.configFile())) {
                Optional<SpecificRecordBase> original = ctx.store().record(target);
                if (original.isEmpty() || !(original.get() instanceof ProgressReport p)) {
                    System.err.println("No existe un informe de avance con id " + target
                            + " en este agente. Para anular un gasto use 'revertir'.");
                    return AgentMain.FAILED;
                }
                return save(ctx, ctx.factory().progress(new ProgressInput(p.getFiscalYear(), p.getOperationCode(),
                        p.getPeriodStart(), p.getPeriodEnd(), value != null ? value : p.getAchievedValue(),
                        percent != null ? percent : p.getPercentComplete(),
                        narrative != null ? narrative : p.getNarrative(), p.getEvidence(), reporter, target)));
            }
        }
    }

    @Command(name = "revertir", description = "Revierte (anula) un gasto ya registrado con un gasto de monto negativo.")
    static final class Reverse implements Callable<Integer> {
        @ParentCommand
        AgentMain root;
        @Parameters(paramLabel = "<id>", index = "0", description = "Id del gasto a revertir (ver 'listar').")
        UUID target;
        @Option(names = "--motivo", paramLabel = "<motivo>", required = true, description = "Motivo de la reversión.")
        String reason;

        @Override
        public Integer call() {
            try (AgentContext ctx = AgentContext.open(root.configFile())) {
                Optional<SpecificRecordBase> original = ctx.store().record(target);
                if (original.isEmpty() || !(original.get() instanceof ExpenditureReport e)) {
                    System.err.println("No existe un gasto con id " + target
                            + " en este agente. Para cambiar un avance use 'corregir'.");
                    return AgentMain.FAILED;
                }
                return save(ctx, ctx.factory().expenditure(new ExpenditureInput(e.getFiscalYear(),
                        e.getOperationCode(), e.getObjectCode(), e.getFundingSource(), e.getAmount().negate(),
                        e.getSpentOn(), e.getDocumentNumber(), "Reversión: " + reason, target)));
            }
        }
    }
}
