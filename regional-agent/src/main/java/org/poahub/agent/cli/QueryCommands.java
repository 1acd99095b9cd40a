package org.poahub.agent.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.poahub.agent.store.AgentStore;
import org.poahub.agent.store.ReportState;
import org.poahub.agent.store.StoredReport;
import org.poahub.contract.ReportKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Commands that show what the agent holds: listar, estado. */
final class QueryCommands {

    private QueryCommands() {
    }

    @Command(name = "listar", description = "Lista los informes con su estado y, si el servidor los observó o "
            + "rechazó, sus motivos.")
    static final class ListReports implements Callable<Integer> {
        @ParentCommand
        AgentMain root;
        @Option(names = "--rechazados", description = "Solo los rechazados, con los motivos del servidor central.")
        boolean rejected;
        @Option(names = "--pendientes", description = "Solo los que aún no se enviaron.")
        boolean pending;
        @Option(names = "--ultimos", paramLabel = "<n>", defaultValue = "50", description = "Cuántos mostrar, los más recientes "
                + "(0 = todos; por defecto 50).")
        int last;

        @Override
        public Integer call() {
            try (AgentContext ctx = AgentContext.open(root.configFile())) {
                ReportState only = rejected ? ReportState.RECHAZADO : pending ? ReportState.PENDIENTE : null;
                List<StoredReport> reports = ctx.store().list(only, last);
                if (reports.isEmpty()) {
                    System.out.println("No hay informes" + (only == null ? "." : " en estado " + only.label() + "."));
                }
                for (StoredReport r : reports) {
                    System.out.printf("%6d  %s  %-7s %-10s %14s  %-26s %s%n", r.sequence(), r.messageId(),
                            r.kind() == ReportKind.PROGRESS ? "avance" : "gasto", r.operationCode(),
                            r.value().stripTrailingZeros().toPlainString(), r.state().label(),
                            Printer.time(r.createdAt()));
                    Printer.findings(System.out, "          ", r.findings());
                }
                return AgentMain.OK;
            }
        }
    }

    @Command(name = "estado", description = "Muestra cuántos informes faltan enviar, el último contacto con el "
            + "servidor central y el último error.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        AgentMain root;

        @Override
        public Integer call() {
            try (AgentContext ctx = AgentContext.open(root.configFile())) {
                AgentStore store = ctx.store();
                System.out.println("Regional: " + ctx.config().region() + "   Agente: " + ctx.config().agentId());
                System.out.println("Pendientes de envío: " + store.count(ReportState.PENDIENTE));
                System.out.println("Enviados sin acuse: " + store.count(ReportState.ENVIADO));
                System.out.println("Aceptados: " + store.count(ReportState.ACEPTADO) + "   con observaciones: "
                        + store.count(ReportState.ACEPTADO_CON_OBSERVACIONES) + "   rechazados: "
                        + store.count(ReportState.RECHAZADO));
                System.out.println("Último contacto con el servidor: " + store.status("last_contact")
                        .map(ms -> Printer.time(Instant.ofEpochMilli(Long.parseLong(ms)))).orElse("nunca"));
                String error = store.status("last_error").orElse(null);
                System.out.println("Último error: " + (error == null ? "ninguno" : error + " ("
                        + Printer.time(Instant.ofEpochMilli(Long.parseLong(store.status("last_error_at").orElse("0"))))
                        + ")"));
                System.out.println("Plan en caché: " + store.status("plan_version_" + ctx.config().fiscalYear())
                        .orElse("ninguno") + " (gestión " + ctx.config().fiscalYear() + ")");
                return AgentMain.OK;
            }
        }
    }
}
