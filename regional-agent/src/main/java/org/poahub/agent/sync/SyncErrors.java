package org.poahub.agent.sync;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.poahub.registry.PermanentSerdeException;
import org.poahub.registry.TransientSerdeException;

/** Turns a sync failure into a short Spanish explanation for {@code estado}. */
public final class SyncErrors {

    private SyncErrors() {
    }

    public static String describe(Throwable e) {
        Throwable cause = e instanceof SyncException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException) {
            return "Sin conexión con el servidor central (tiempo de espera agotado); se reintentará solo.";
        }
        if (cause instanceof AuthenticationException) {
            return "El servidor central rechazó las credenciales del agente: revise kafka.sasl.* en la configuración.";
        }
        if (cause instanceof AuthorizationException) {
            return "El agente no tiene permiso para escribir en los temas de su regional: consulte al administrador.";
        }
        if (cause instanceof TransientSerdeException) {
            return "No se pudo consultar el registro de esquemas; se reintentará solo (" + cause.getMessage() + ").";
        }
        if (cause instanceof PermanentSerdeException) {
            return "El registro de esquemas no conoce el formato de este agente: actualice el agente o consulte al "
                    + "administrador (" + cause.getMessage() + ").";
        }
        return "Falló el envío: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
