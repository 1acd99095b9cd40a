package org.poahub.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** picocli's own parse errors reach the office in Spanish, each pointing to the right {@code --ayuda}. */
class SpanishParseErrorsTest {

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AgentMain.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static final String[] GOOD_PROGRESS = {"--operacion", "11.04.02", "--desde", "2020-03-01", "--hasta", "2020-03-31",
        "--valor", "4", "--responsable", "Ana"};

    static String[] progress(String... extra) {
        String[] args = new String[GOOD_PROGRESS.length + extra.length + 1];
        args[0] = "avance";
        System.arraycopy(GOOD_PROGRESS, 0, args, 1, GOOD_PROGRESS.length);
        System.arraycopy(extra, 0, args, GOOD_PROGRESS.length + 1, extra.length);
        return args;
    }

    @Test
    void anUnknownCommandIsNamedWithTheClosestCommands() {
        Run run = run("avanse");

        assertThat(run.exitCode()).isEqualTo(AgentMain.FAILED);
        assertThat(run.err()).startsWith("Error: comando desconocido 'avanse'. ¿Quiso decir 'avance'")
                .contains("Use 'poa-agente --ayuda' para ver los comandos y las opciones.")
                .doesNotContain("Unmatched", "Did you mean");
    }

    @Test
    void anUnknownCommandWithNothingCloseListsTheCommands() {
        Run run = run("xyz");

        assertThat(run.err()).startsWith("Error: comando desconocido 'xyz'. Los comandos son: avance, gasto, ")
                .contains("sincronizar");
    }

    @Test
    void anUnknownOptionIsReportedEvenWhenRequiredOptionsAreMissingToo() {
        Run run = run("avance", "--operasion", "11.04.02");

        assertThat(run.exitCode()).isEqualTo(AgentMain.FAILED);
        assertThat(run.err()).startsWith("Error: opción desconocida '--operasion' para 'avance'.")
                .contains("Use 'poa-agente avance --ayuda' para ver las opciones.")
                .doesNotContain("Unknown option", "Missing");
    }

    @Test
    void anUnknownOptionAloneSuggestsTheRightOne() {
        Run run = run(progress("--porcentage", "30"));

        assertThat(run.err()).startsWith("Error: opción desconocida '--porcentage' para 'avance'.")
                .contains("¿Quiso decir '--porcentaje'");
    }

    @Test
    void missingRequiredOptionsAreNamedWithWhatTheyAre() {
        Run run = run("gasto", "--operacion", "11.04.02", "--partida", "25220", "--fecha", "2020-03-15");

        assertThat(run.exitCode()).isEqualTo(AgentMain.FAILED);
        assertThat(run.err()).startsWith("Error: faltan las opciones obligatorias: --monto (Monto en bolivianos, "
                + "p. ej. 1250.50), --comprobante (Número del comprobante).")
                .contains("Use 'poa-agente gasto --ayuda'")
                .doesNotContain("Missing");
    }

    @Test
    void aMissingArgumentIsNamedInSpanish() {
        Run run = run("corregir", "--responsable", "Ana");

        assertThat(run.err()).startsWith("Error: falta el argumento obligatorio <id> (Id del informe a corregir "
                + "(ver 'listar')).");
    }

    @Test
    void anOptionGivenWithoutItsValueSaysSo() {
        Run run = run("listar", "--ultimos");

        assertThat(run.err()).startsWith("Error: falta el valor de la opción --ultimos (");
    }

    @Test
    void aBadNumberSaysWhatIsExpected() {
        Run run = run(progress("--porcentaje", "treinta"));

        assertThat(run.exitCode()).isEqualTo(AgentMain.FAILED);
        assertThat(run.err()).startsWith("Error: 'treinta' no es un valor válido para --porcentaje: se espera un "
                + "número con punto decimal (p. ej. 1250.50).")
                .doesNotContain("Invalid value", "BigDecimal");
    }

    @Test
    void aBadDateSaysWhatIsExpected() {
        Run run = run("gasto", "--operacion", "11.04.02", "--partida", "25220", "--monto", "10", "--fecha",
                "31/02/2020", "--comprobante", "C-1");

        assertThat(run.err()).startsWith("Error: '31/02/2020' no es un valor válido para --fecha: se espera una "
                + "fecha válida AAAA-MM-DD (p. ej. 2020-03-15).");
    }

    @Test
    void badIntegersAndIdsSayWhatIsExpected() {
        assertThat(run("listar", "--ultimos", "diez").err())
                .startsWith("Error: 'diez' no es un valor válido para --ultimos: se espera un número entero");
        assertThat(run("revertir", "abc", "--motivo", "duplicado").err())
                .startsWith("Error: 'abc' no es un valor válido para <id>: se espera el id de un informe tal como lo "
                        + "muestra 'listar'");
    }

    @Test
    void aRepeatedOptionAndAnExtraArgumentAreExplained() {
        assertThat(run(progress("--valor", "5")).err())
                .startsWith("Error: la opción --valor se indicó más de una vez; indíquela una sola vez.");
        assertThat(run("plantilla", "a", "b").err())
                .startsWith("Error: sobra el argumento 'b' para 'plantilla'; si es un texto con espacios, escríbalo "
                        + "entre comillas.");
    }

    @Test
    void helpIsShownForAyudaAndHelpWithSpanishHeadings() {
        Run ayuda = run("avance", "--ayuda");
        Run help = run("--help");

        assertThat(ayuda.exitCode()).isZero();
        assertThat(ayuda.out()).startsWith("Uso: poa-agente avance").contains("--operacion=<código>")
                .contains("--desde=<AAAA-MM-DD>").contains("--ayuda").contains("--help");
        assertThat(help.out()).startsWith("Uso: poa-agente [-h] [-c=<archivo>] COMANDO").contains("Comandos:");
    }
}
