package org.poahub.agent.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.poahub.agent.store.SaveResult;
import org.poahub.contract.Severity;
import org.poahub.rules.Finding;

/** Spanish output shared by the commands. */
final class Printer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Printer() {
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    static void findings(PrintStream out, String indent, List<Finding> findings) {
        for (Finding f : findings) {
            out.println(indent + (f.severity() == Severity.ERROR ? "ERROR " : "Observación ") + f.code()
                    + (f.field() == null ? "" : " (" + f.field() + ")") + ": " + f.message());
        }
    }

    /** Prints the result of saving one report and returns the exit code. */
    static int saved(PrintStream out, PrintStream err, SaveResult result) {
        if (!result.ok()) {
            err.println("El informe NO se guardó:");
            for (Map.Entry<Integer, List<Finding>> e : result.rejected().entrySet()) {
                findings(err, "  ", e.getValue());
            }
            return AgentMain.FAILED;
        }
        SaveResult.Saved saved = result.saved().get(0);
        out.println("Informe guardado (n.º " + saved.sequence() + ", id " + saved.messageId()
                + "). Se enviará al servidor central en cuanto haya conexión.");
        findings(out, "  ", saved.warnings());
        return AgentMain.OK;
    }
}
