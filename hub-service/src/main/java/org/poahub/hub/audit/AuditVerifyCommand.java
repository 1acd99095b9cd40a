package org.poahub.hub.audit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The command line check of the audit chain: {@code java -jar hub-service-*-exec.jar verify-audit}. Prints the result
 * in Spanish and exits 0 when the chain is intact, 1 naming the first broken row otherwise.
 */
@Component
public class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String COMMAND = "verify-audit";

    private final AuditTrail trail;
    private int exitCode;

    AuditVerifyCommand(AuditTrail trail) {
        this.trail = trail;
    }

    public static boolean isCommand(String... args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.getNonOptionArgs().isEmpty() || !COMMAND.equals(args.getNonOptionArgs().get(0))) {
            return;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        AuditTrail.Verification result = trail.verify();
        if (result.intact()) {
            out.println("Cadena de auditoría íntegra: " + result.rowsChecked() + " fila(s) verificada(s).");
            exitCode = 0;
        } else {
            out.println("Cadena de auditoría ROTA. " + result.reason());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
