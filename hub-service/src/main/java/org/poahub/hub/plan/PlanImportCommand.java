package org.poahub.hub.plan;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The command line import: {@code java -jar hub-service-*-exec.jar import-plan FILE [--reason="…"] [--user=NAME]}.
 * Imports, prints the outcome (errors in Spanish) and makes the application exit: 0 when stored or unchanged, 1 when
 * the file was rejected, 2 on a usage or I/O error. {@link org.poahub.hub.HubApplication} runs this without the web
 * server.
 */
@Component
public class PlanImportCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String COMMAND = "import-plan";

    private final PlanService plans;
    private int exitCode;
    private boolean ran;

    public PlanImportCommand(PlanService plans) {
        this.plans = plans;
    }

    public static boolean isCommand(String... args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> rest = args.getNonOptionArgs();
        if (rest.isEmpty() || !COMMAND.equals(rest.get(0))) {
            return;
        }
        ran = true;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (rest.size() != 2) {
            out.println("Uso: import-plan ARCHIVO [--reason=\"motivo\"] [--user=NOMBRE]");
            exitCode = 2;
            return;
        }
        Path file = Path.of(rest.get(1));
        String user = option(args, "user", System.getProperty("user.name", "cli"));
        String reason = option(args, "reason", null);
        try {
            PlanImportResult result = plans.importPlan(Files.readAllBytes(file), file.getFileName().toString(), user, reason);
            PlanVersion v = result.version();
            out.println(result.created()
                    ? "Plan " + v.fiscalYear() + " guardado como versión " + v.version() + "."
                    : "El plan " + v.fiscalYear() + " es igual a la versión " + v.version() + " vigente; no se guardó nada.");
            exitCode = 0;
        } catch (PlanImportException e) {
            out.println("El archivo " + file + " tiene " + e.errors().size() + " error(es); no se guardó nada:");
            e.errors().forEach(error -> out.println("  " + error.text()));
            exitCode = 1;
        } catch (IOException e) {
            out.println("No se puede leer el archivo " + file + ": " + e.getMessage());
            exitCode = 2;
        }
    }

    private static String option(ApplicationArguments args, String name, String fallback) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    public boolean ran() {
        return ran;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
