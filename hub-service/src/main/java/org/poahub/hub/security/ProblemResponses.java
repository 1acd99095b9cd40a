package org.poahub.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.ObjectMapper;

/**
 * Refusals as Spanish problem details (the hub's one error style): 401 without or with wrong credentials, 429 with
 * {@code Retry-After} for a throttled user name, 403 for a role or region that may not. {@code WWW-Authenticate:
 * Basic} is sent only to clients that sent Basic credentials, so a browser never shows its own login dialog.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json = new ObjectMapper();
    private final boolean basicChallenge;

    ProblemResponses(boolean basicChallenge) {
        this.basicChallenge = basicChallenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginLockedException locked) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfterSeconds()));
            write(response, HttpStatus.TOO_MANY_REQUESTS, "Inicio de sesión bloqueado", locked.getMessage());
            return;
        }
        if (basicChallenge) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"poa-hub\"");
        }
        String detail = e instanceof DisabledException ? "La cuenta está desactivada."
                : request.getHeader(HttpHeaders.AUTHORIZATION) == null
                ? "Inicie sesión o envíe credenciales HTTP Basic." : "Usuario o contraseña incorrectos.";
        write(response, HttpStatus.UNAUTHORIZED, "No autenticado", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail = e instanceof CsrfException
                ? "Falta el token CSRF de la sesión o no es válido: recargue la página e inténtelo de nuevo."
                : e.getMessage() != null && e.getMessage().startsWith("La región")
                ? e.getMessage() : "Su rol no permite " + request.getMethod() + " " + request.getRequestURI() + ".";
        write(response, HttpStatus.FORBIDDEN, "Acceso denegado", detail);
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
