package org.poahub.hub.security.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The command line user management, like {@code import-plan}: {@code java -jar hub-service-*-exec.jar users
 * list|create NAME ROLE [REGION]|role NAME ROLE [REGION]|password NAME|deactivate NAME|activate NAME [--user=NAME]}.
 * New passwords are read from standard input (first line), never from the command line. Exits 0 when done, 1 when
 * refused (reason printed in Spanish), 2 on a usage error.
 */
@Component
public class UserCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String COMMAND = "users";
    private static final String USAGE = "Uso: users list | create NOMBRE ROL [REGION] | role NOMBRE ROL [REGION]"
            + " | password NOMBRE | deactivate NOMBRE | activate NOMBRE  [--user=QUIEN]"
            + " (la contraseña nueva se lee de la entrada estándar)";

    private final UserAccounts accounts;
    private int exitCode;

    UserCommand(UserAccounts accounts) {
        this.accounts = accounts;
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
        List<String> values = args.getOptionValues("user");
        String actor = "cli:" + (values == null || values.isEmpty() ? System.getProperty("user.name", "cli")
                : values.get(0));
        try {
            exitCode = execute(rest.subList(1, rest.size()), actor, out);
        } catch (AccountException e) {
            out.println(e.getMessage());
            exitCode = 1;
        } catch (IOException e) {
            out.println("No se puede leer la contraseña de la entrada estándar: " + e.getMessage());
            exitCode = 2;
        }
    }

    private int execute(List<String> a, String actor, PrintStream out) throws IOException {
        String verb = a.isEmpty() ? "" : a.get(0);
        switch (verb) {
            case "list" -> {
                accounts.list().forEach(u -> out.println(u.name() + "\t" + u.role() + "\t"
                        + (u.region() == null ? "-" : u.region()) + "\t" + (u.active() ? "activo" : "inactivo")));
                return 0;
            }
            case "create" -> {
                if (a.size() < 3 || a.size() > 4) {
                    break;
                }
                accounts.create(a.get(1), readPassword(), a.get(2), a.size() == 4 ? a.get(3) : null, actor);
                out.println("Usuario " + a.get(1) + " creado con el rol " + a.get(2) + ".");
                return 0;
            }
            case "role" -> {
                if (a.size() < 3 || a.size() > 4) {
                    break;
                }
                accounts.changeRole(a.get(1), a.get(2), a.size() == 4 ? a.get(3) : null, actor);
                out.println("Usuario " + a.get(1) + ": rol " + a.get(2) + ".");
                return 0;
            }
            case "password" -> {
                if (a.size() != 2) {
                    break;
                }
                accounts.resetPassword(a.get(1), readPassword(), actor);
                out.println("Contraseña de " + a.get(1) + " cambiada.");
                return 0;
            }
            case "deactivate", "activate" -> {
                if (a.size() != 2) {
                    break;
                }
                if (verb.equals("deactivate")) {
                    accounts.deactivate(a.get(1), actor);
                } else {
                    accounts.activate(a.get(1), actor);
                }
                out.println("Usuario " + a.get(1) + (verb.equals("deactivate") ? " desactivado." : " activado."));
                return 0;
            }
            default -> {
            }
        }
        out.println(USAGE);
        return 2;
    }

    private static String readPassword() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? "" : line;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
