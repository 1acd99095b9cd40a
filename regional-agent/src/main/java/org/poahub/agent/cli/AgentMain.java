package org.poahub.agent.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.poahub.agent.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of the regional agent: {@code java -jar regional-agent.jar <comando>}. */
@Command(name = "poa-agente", description = "Agente regional del POA: registra avances y gastos, los guarda en disco "
        + "y los envía al servidor central cuando hay conexión.",
        synopsisHeading = "Uso: ", synopsisSubcommandLabel = "COMANDO", commandListHeading = "%nComandos:%n",
        optionListHeading = "%nOpciones:%n",
        subcommands = {RecordCommands.Progress.class, RecordCommands.Expenditure.class, RecordCommands.Correct.class,
                RecordCommands.Reverse.class, QueryCommands.ListReports.class, QueryCommands.Status.class,
                SyncCommands.Sync.class, SyncCommands.Run.class, InputCommands.Import.class,
                InputCommands.Watch.class, InputCommands.Simulate.class, InputCommands.Template.class})
public final class AgentMain implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_CONFIG = 2;

    @Option(names = {"-c", "--config"}, paramLabel = "<archivo>", description = "Archivo de configuración (por defecto: variable "
            + "POA_AGENT_CONFIG o ./poa-agent.properties).", scope = CommandLine.ScopeType.INHERIT)
    Path config;

    @Option(names = {"-h", "--ayuda", "--help"}, usageHelp = true, description = "Muestra esta ayuda.",
            scope = CommandLine.ScopeType.INHERIT)
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Path configFile() {
        if (config != null) {
            return config;
        }
        String env = System.getenv("POA_AGENT_CONFIG");
        return Path.of(env != null && !env.isBlank() ? env : "poa-agent.properties");
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return OK;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with Spanish error handling (tests set their own output writers on it). */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AgentMain());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("Error de configuración: " + e.getMessage());
                return BAD_CONFIG;
            }
            commandLine.getErr().println("Error: " + e.getMessage());
            return FAILED;
        });
        cli.setParameterExceptionHandler(new SpanishParseErrors());
        // picocli's usage headings are English unless set on every subcommand
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().synopsisHeading("Uso: ").optionListHeading("%nOpciones:%n")
                    .parameterListHeading("%nArgumentos:%n");
        }
        return cli;
    }
}
