package org.poahub.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.poahub.agent.dropfolder.DropFolderWatcher;
import org.poahub.agent.dropfolder.ImportError;
import org.poahub.agent.dropfolder.ReportImporter;
import org.poahub.agent.simulate.Simulator;
import org.poahub.tables.NumberStyle;
import org.poahub.tables.TableOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Commands for bulk input: importar, vigilar, simular. */
final class InputCommands {

    private InputCommands() {
    }

    @Command(name = "importar", description = "Importa un archivo .xlsx o .csv de la plantilla: todas las filas o "
            + "ninguna. El archivo no se mueve.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        AgentMain root;
        @Parameters(paramLabel = "<archivo>", index = "0", description = "Archivo a importar.")
        Path file;
        @Option(names = "--formato-numeros", paramLabel = "<formato>", description = "Cómo están escritos los "
                + "números del archivo: es-BO (1.234,56; 12.500 es doce mil quinientos) o en-US (1,234.56). Sin "
                + "él se usa import.number-format de la configuración; si tampoco está, un número ambiguo como "
                + "12.500 se rechaza.")
        String numberFormat;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                System.err.println("No existe el archivo " + file.toAbsolutePath());
                return AgentMain.FAILED;
            }
            NumberStyle declared = null;
            if (numberFormat != null) {
                try {
                    declared = NumberStyle.declared(numberFormat);
                } catch (IllegalArgumentException e) {
                    System.err.println("--formato-numeros: " + e.getMessage() + ".");
                    return AgentMain.FAILED;
                }
            }
            try (AgentContext ctx = AgentContext.open(root.configFile())) {
                TableOptions options = ctx.config().imports();
                if (declared != null) {
                    options = options.withNumbers(declared);
                }
                ReportImporter.Result result = new ReportImporter(ctx.store(), ctx.factory(), ctx.validator(), options)
                        .importFile(file);
                if (result.ok()) {
                    System.out.println("Importados " + result.imported() + " informes de " + file.getFileName() + ".");
                    return AgentMain.OK;
                }
                System.err.println("No se importó ningún informe de " + file.getFileName() + ":");
                for (ImportError e : result.errors()) {
                    System.err.println("  " + e.line());
                }
                if (result.technicalDetail() != null) {
                    System.err.println("  Detalle técnico (para soporte): " + result.technicalDetail());
                }
                return AgentMain.FAILED;
            }
        }
    }

    @Command(name = "vigilar", description = "Vigila la carpeta de entrada e importa cada archivo que aparezca "
            + "(los buenos pasan a procesados/, los que tienen errores a con-errores/).")
    static final class Watch implements Callable<Integer> {
        @ParentCommand
        AgentMain root;
        @Option(names = "--una-vez", description = "Revisa la carpeta una sola vez y termina.")
        boolean once;

        @Override
        public Integer call() {
            try (AgentContext ctx = AgentContext.open(root.configFile())) {
                DropFolderWatcher watcher = new DropFolderWatcher(ctx.config().dropFolder(),
                        new ReportImporter(ctx.store(), ctx.factory(), ctx.validator(), ctx.config().imports()), System.out::println);
                if (once) {
                    try {
                        Files.createDirectories(ctx.config().dropFolder());
                    } catch (IOException e) {
                        System.err.println("No se puede crear la carpeta " + ctx.config().dropFolder());
                        return AgentMain.FAILED;
                    }
                    // two scans: a file is imported only once it stopped changing between scans
                    watcher.scanOnce();
                    watcher.scanOnce();
                } else {
                    System.out.println("Vigilando " + ctx.config().dropFolder() + " (Ctrl+C para terminar).");
                    Runtime.getRuntime().addShutdownHook(new Thread(watcher::close));
                    watcher.run();
                }
                return AgentMain.OK;
            }
        }
    }

    @Command(name = "simular", description = "Genera avances y gastos mensuales plausibles del plan en caché "
            + "(SENAVEX 2020), con una parte de informes inválidos, en la misma bandeja de salida.")
    static final class Simulate implements Callable<Integer> {
        @ParentCommand
        AgentMain root;
        @Option(names = "--cantidad", paramLabel = "<n>", defaultValue = "0", description = "Cuántos informes (0 = un año de informes "
                + "mensuales por operación).")
        long count;
        @Option(names = "--invalidos", paramLabel = "<proporción>", defaultValue = "0.05", description = "Proporción de informes inválidos, "
                + "de 0 a 1 (por defecto 0.05).")
        double invalidShare;
        @Option(names = "--semilla", paramLabel = "<n>", defaultValue = "2020", description = "Semilla aleatoria (mismo valor, mismos datos).")
        long seed;

        @Override
        public Integer call() {
            if (invalidShare < 0 || invalidShare > 1) {
                System.err.println("--invalidos debe estar entre 0 y 1 (se recibió " + invalidShare + ").");
                return AgentMain.FAILED;
            }
            try (AgentContext ctx = AgentContext.open(root.configFile())) {
                long saved = new Simulator(ctx.store(), ctx.factory(), seed).run(ctx.config().fiscalYear(), count,
                        invalidShare);
                System.out.println("Simulados " + saved + " informes de la regional " + ctx.config().region()
                        + " (gestión " + ctx.config().fiscalYear() + "), pendientes de envío.");
                return AgentMain.OK;
            }
        }
    }

    @Command(name = "plantilla", description = "Escribe la plantilla de importación (.csv y .xlsx) en una carpeta.")
    static final class Template implements Callable<Integer> {
        @Parameters(paramLabel = "<carpeta>", index = "0", defaultValue = ".", description = "Carpeta destino (por defecto la actual).")
        Path folder;

        @Override
        public Integer call() throws IOException {
            org.poahub.agent.dropfolder.TemplateWriter.writeTemplates(folder);
            System.out.println("Plantillas escritas en " + folder.toAbsolutePath() + ": plantilla-informes.csv, "
                    + "plantilla-informes.xlsx");
            return AgentMain.OK;
        }
    }
}
