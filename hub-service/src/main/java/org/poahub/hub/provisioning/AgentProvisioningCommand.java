package org.poahub.hub.provisioning;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.poahub.hub.security.accounts.AccountException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The command line provisioning, like {@code import-plan}:
 * {@code java -jar hub-service-*-exec.jar provision-agent --region BO-L --agent-id agente-la-paz-1 [--output FILE]}
 * writes a ready {@code poa-agent.properties} (owner-only; it holds the passwords, which are shown nowhere else) and
 * {@code revoke-agent --agent-id agente-la-paz-1} removes the agent's accounts. Exits 0 when done, 1 when refused
 * (reason in Spanish), 2 on a usage or I/O error.
 */
@Component
public class AgentProvisioningCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String PROVISION = "provision-agent";
    public static final String REVOKE = "revoke-agent";
    private static final String USAGE = "Uso: provision-agent --region REGION --agent-id AGENTE [--output ARCHIVO]"
            + " [--user QUIEN] | revoke-agent --agent-id AGENTE [--user QUIEN]";

    private final AgentProvisioning provisioning;
    private int exitCode;

    AgentProvisioningCommand(AgentProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    public static boolean isCommand(String... args) {
        return args.length > 0 && (PROVISION.equals(args[0]) || REVOKE.equals(args[0]));
    }

    @Override
    public void run(ApplicationArguments args) {
        String[] source = args.getSourceArgs();
        if (!isCommand(source)) {
            return;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Map<String, String> options = options(List.of(source).subList(1, source.length));
        if (options == null || options.get("agent-id") == null
                || (PROVISION.equals(source[0]) && options.get("region") == null)) {
            out.println(USAGE);
            exitCode = 2;
            return;
        }
        String actor = "cli:" + options.getOrDefault("user", System.getProperty("user.name", "cli"));
        try {
            if (PROVISION.equals(source[0])) {
                Path file = Path.of(options.getOrDefault("output", "poa-agent-" + options.get("agent-id")
                        + ".properties"));
                if (Files.exists(file)) {
                    out.println("El archivo " + file.toAbsolutePath() + " ya existe; indique otro con --output.");
                    exitCode = 2;
                    return;
                }
                ProvisionedAgent agent = provisioning.provision(options.get("region"), options.get("agent-id"), actor);
                writeOwnerOnly(file, agent.properties());
                out.println("Agente " + agent.agentId() + " de la regional " + agent.region() + " aprovisionado: usuario"
                        + " Kafka y cuenta de lectura del registro creados.");
                out.println("Configuración escrita en " + file.toAbsolutePath() + " (contiene las contraseñas, que no"
                        + " se muestran en ningún otro lugar): entréguela a la oficina por un canal seguro.");
            } else {
                int acls = provisioning.revoke(options.get("agent-id"), actor);
                out.println("Agente " + options.get("agent-id") + " revocado: " + acls + " permisos Kafka y su"
                        + " credencial eliminados, cuenta del registro desactivada.");
            }
            exitCode = 0;
        } catch (ProvisioningException | AccountException e) {
            out.println(e.getMessage());
            exitCode = 1;
        } catch (IOException e) {
            out.println("No se puede escribir el archivo de configuración: " + e.getMessage());
            exitCode = 2;
        }
    }

    /** {@code --name value} and {@code --name=value}; null on anything else. */
    static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                return null;
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                options.put(arg.substring(2), args.get(++i));
            } else {
                return null;
            }
        }
        return options;
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.createFile(file);
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
