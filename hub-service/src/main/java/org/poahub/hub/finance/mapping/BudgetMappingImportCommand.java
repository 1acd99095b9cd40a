package org.poahub.hub.finance.mapping;

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
 * The command line load: {@code java -jar hub-service-*-exec.jar import-mapping FILE [--user=NAME]}. Exits 0 when
 * stored or unchanged, 1 when the file was refused (errors printed in Spanish), 2 on a usage or I/O error.
 */
@Component
public class BudgetMappingImportCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String COMMAND = "import-mapping";

    private final BudgetMappingService mappings;
    private int exitCode;

    public BudgetMappingImportCommand(BudgetMappingService mappings) {
        this.mappings = mappings;
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
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (rest.size() != 2) {
            out.println("Uso: import-mapping ARCHIVO [--user=NOMBRE]");
            exitCode = 2;
            return;
        }
        Path file = Path.of(rest.get(1));
        List<String> users = args.getOptionValues("user");
        String user = users == null || users.isEmpty() ? System.getProperty("user.name", "cli") : users.get(0);
        try {
            var result = mappings.load(Files.readAllBytes(file), file.getFileName().toString(), user);
            var v = result.version();
            out.println(result.created()
                    ? "Mapeo presupuestario " + v.fiscalYear() + " guardado como versión " + v.version() + "."
                    : "El mapeo " + v.fiscalYear() + " es igual a la versión " + v.version()
                            + " vigente; no se guardó nada.");
            exitCode = 0;
        } catch (BudgetMappingException e) {
            out.println("El archivo " + file + " tiene " + e.errors().size() + " error(es); no se guardó nada:");
            e.errors().forEach(error -> out.println("  " + error.text()));
            exitCode = 1;
        } catch (IOException e) {
            out.println("No se puede leer el archivo " + file + ": " + e.getMessage());
            exitCode = 2;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
