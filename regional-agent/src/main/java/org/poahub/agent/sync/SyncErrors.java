package org.poahub.agent.sync;

import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.poahub.agent.config.AgentConfig;
import org.poahub.registry.PermanentSerdeException;
import org.poahub.registry.RegistryUnavailableException;
import org.poahub.registry.TransientSerdeException;

/**
 * Turns a sync failure into a plain Spanish explanation for {@code estado}, {@code sincronizar}, {@code ejecutar} and
 * the log. A refused credential (registry 401/403, Kafka login refused, certificate not trusted, permission denied)
 * says which user, which server and what to ask the central IT unit for; it is never called a lost connection.
 */
public final class SyncErrors {

    /** What went wrong, in Spanish; {@code credentials} when a person must act (the agent retries slowly). */
    public record Problem(String message, boolean credentials) {
    }

    private static final String ASK = "Pida a la unidad de sistemas central ";

    private SyncErrors() {
    }

    /** The message alone (e.g. for a progress line). */
    public static String describe(Throwable e, AgentConfig config) {
        return problem(e, config).message();
    }

    public static Problem problem(Throwable e, AgentConfig config) {
        Throwable cause = find(e);
        String keep = " Los informes siguen guardados en esta PC y se reintentará cada "
                + minutesOrSeconds(config.backoffMax()) + ".";
        String kafka = "el servidor Kafka central (" + config.bootstrapServers() + ")";
        String user = config.effectiveKafkaUser().isEmpty() ? "(ninguno configurado en kafka.user)"
                : "«" + config.effectiveKafkaUser() + "»";
        String agent = "el agente «" + config.agentId() + "» de la regional " + config.region();
        if (cause instanceof SslAuthenticationException) {
            return new Problem("No se pudo establecer la conexión segura (TLS) con " + kafka + ": el certificado del "
                    + "servidor no es de confianza para este agente o no corresponde a esa dirección. " + ASK
                    + "el certificado de la autoridad (CA) vigente para " + agent + " (kafka.ssl.truststore.*)." + keep,
                    true);
        }
        if (cause instanceof AuthenticationException) {
            return new Problem(cap(kafka) + " rechazó el usuario " + user + ": la contraseña no es correcta o la "
                    + "cuenta fue dada de baja. " + ASK + "que verifique o vuelva a emitir las credenciales Kafka de "
                    + agent + " (kafka.user y kafka.password)." + keep, true);
        }
        if (cause instanceof AuthorizationException denied) {
            return new Problem(cap(kafka) + " no permite al usuario " + user + " " + what(denied) + ". " + ASK
                    + "los permisos de la regional " + config.region() + " para " + agent
                    + "; si la configuración indica otra regional o cuenta, corríjala." + keep, true);
        }
        if (cause instanceof RegistryUnavailableException registry
                && registry.reason() == RegistryUnavailableException.Reason.NOT_AUTHORIZED) {
            String registryUser = config.registryUser().isEmpty() ? "(ninguno configurado en registry.user)"
                    : "«" + config.registryUser() + "»";
            String server = "El registro de esquemas del servidor central (" + config.registryUrl() + ")";
            return registry.httpStatus() == 403
                    ? new Problem(server + " no permite leer al usuario " + registryUser + " (HTTP 403). " + ASK
                            + "el permiso de lectura del registro para " + agent + "." + keep, true)
                    : new Problem(server + " rechazó el usuario " + registryUser + " (HTTP 401): la contraseña no "
                            + "es correcta o la cuenta fue dada de baja. " + ASK + "que verifique la cuenta del "
                            + "registro de " + agent + " (registry.user y registry.password)." + keep, true);
        }
        if (cause instanceof TimeoutException) {
            return new Problem("Sin conexión con el servidor central (tiempo de espera agotado); se reintentará solo.",
                    false);
        }
        if (cause instanceof TransientSerdeException) {
            return new Problem("No se pudo consultar el registro de esquemas (" + config.registryUrl()
                    + "); se reintentará solo (" + cause.getMessage() + ").", false);
        }
        if (cause instanceof PermanentSerdeException) {
            return new Problem("El registro de esquemas no conoce el formato de este agente: actualice el agente o "
                    + "consulte al administrador (" + cause.getMessage() + ").", false);
        }
        return new Problem("Falló el envío: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), false);
    }

    /** The first cause that says something (Kafka wraps a deserializer's error, a send wraps the callback's). */
    private static Throwable find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException || t instanceof AuthorizationException
                    || t instanceof TransientSerdeException || t instanceof PermanentSerdeException
                    || t instanceof TimeoutException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return e instanceof SyncException && e.getCause() != null ? e.getCause() : e;
    }

    private static String what(AuthorizationException denied) {
        if (denied instanceof TopicAuthorizationException topics && !topics.unauthorizedTopics().isEmpty()) {
            Set<String> names = topics.unauthorizedTopics();
            return "usar " + (names.size() == 1 ? "el tema " : "los temas ") + String.join(", ", names)
                    + " (permiso denegado)";
        }
        if (denied instanceof GroupAuthorizationException group && group.groupId() != null) {
            return "usar el grupo de consumo " + group.groupId() + " (permiso denegado)";
        }
        return "hacer esta operación (permiso denegado: " + denied.getMessage() + ")";
    }

    private static String minutesOrSeconds(Duration d) {
        long seconds = Math.max(1, d.toSeconds());
        return seconds >= 120 ? (seconds / 60) + " minutos" : seconds + " segundos";
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
