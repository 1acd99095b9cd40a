package org.poahub.agent.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Explains a command-line mistake in Spanish: what is wrong, with which option, what is expected, and which
 * {@code --ayuda} to read. picocli has no Spanish messages, so its exceptions are translated here by kind
 * (unknown command or option, missing option or value, bad value, repeated option).
 */
final class SpanishParseErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("Error: " + message(ex, args));
        err.println("Use '" + command.getCommandSpec().qualifiedName() + " --ayuda' para ver "
                + (command.getSubcommands().isEmpty() ? "las opciones." : "los comandos y las opciones."));
        err.flush();
        return AgentMain.FAILED;
    }

    static String message(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        // picocli checks required options before it reports what it did not recognise: the typo comes first
        if (!(ex instanceof UnmatchedArgumentException) && !command.getUnmatchedArguments().isEmpty()) {
            return unmatched(command, command.getUnmatchedArguments(), List.of());
        }
        if (ex instanceof UnmatchedArgumentException u) {
            return unmatched(command, u.getUnmatched(), u.getSuggestions());
        }
        if (ex instanceof MissingParameterException m) {
            return missing(m.getMissing(), args);
        }
        if (ex instanceof OverwrittenOptionException o) {
            return "la opción " + name(o.getOverwritten()) + " se indicó más de una vez; indíquela una sola vez.";
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) {
            return "'" + ex.getValue() + "' no es un valor válido para " + name(ex.getArgSpec()) + ": se espera "
                    + expected(ex.getArgSpec().type()) + ".";
        }
        return "los argumentos no son válidos (" + ex.getMessage() + ").";
    }

    private static String unmatched(CommandLine command, List<String> unmatched, List<String> suggestions) {
        String first = unmatched.get(0);
        String hint = suggestions.isEmpty() ? "" : " ¿Quiso decir " + suggestions.stream().map(s -> "'" + s + "'")
                .collect(Collectors.joining(" o ")) + "?";
        if (first.startsWith("-")) {
            List<String> options = unmatched.stream().filter(a -> a.startsWith("-")).toList();
            return (options.size() == 1 ? "opción desconocida " : "opciones desconocidas ")
                    + options.stream().map(o -> "'" + o + "'").collect(Collectors.joining(", "))
                    + " para '" + command.getCommandName() + "'." + hint;
        }
        if (!command.getSubcommands().isEmpty()) {
            // only the top command has subcommands and it takes no arguments: a word there is a command name
            return "comando desconocido '" + first + "'." + (hint.isEmpty() ? " Los comandos son: "
                    + String.join(", ", command.getSubcommands().keySet()) + "." : hint);
        }
        return "sobra el argumento '" + first + "' para '" + command.getCommandName() + "'" + hint
                + (hint.isEmpty() ? "; si es un texto con espacios, escríbalo entre comillas." : "");
    }

    private static String missing(List<ArgSpec> missing, String[] args) {
        if (missing.size() == 1 && missing.get(0) instanceof OptionSpec option && given(option, args)) {
            return "falta el valor de la opción " + option.longestName() + " (" + description(option) + ").";
        }
        if (missing.size() == 1) {
            ArgSpec arg = missing.get(0);
            return (arg.isOption() ? "falta la opción obligatoria " : "falta el argumento obligatorio ") + name(arg)
                    + " (" + description(arg) + ").";
        }
        return "faltan " + (missing.stream().allMatch(ArgSpec::isOption) ? "las opciones obligatorias: "
                : "los argumentos obligatorios: ")
                + missing.stream().map(a -> name(a) + " (" + description(a) + ")").collect(Collectors.joining(", "))
                + ".";
    }

    private static boolean given(OptionSpec option, String[] args) {
        return Arrays.stream(args).anyMatch(a -> Arrays.stream(option.names())
                .anyMatch(n -> a.equals(n) || a.startsWith(n + "=")));
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    private static String description(ArgSpec arg) {
        String text = String.join(" ", arg.description()).strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String expected(Class<?> type) {
        if (type == BigDecimal.class || type == double.class || type == Double.class) {
            return "un número con punto decimal (p. ej. 1250.50)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "un número entero (p. ej. 2020)";
        }
        if (type == LocalDate.class) {
            return "una fecha válida AAAA-MM-DD (p. ej. 2020-03-15)";
        }
        if (type == UUID.class) {
            return "el id de un informe tal como lo muestra 'listar' (p. ej. 3f2b9c1e-8a4d-4e6f-9b1a-2c3d4e5f6a7b)";
        }
        if (type == Path.class) {
            return "una ruta de archivo o carpeta";
        }
        return "un valor de tipo " + type.getSimpleName();
    }
}
