package org.poahub.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.poahub.hub.audit.StaffAction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * What the form login does after a login, a failed login and a logout: audit ({@code LOGIN_OK}, {@code LOGOUT}) and
 * send the browser on; a failure goes back to the login page with why ({@code error=credenciales|bloqueado|inactiva},
 * shown in Spanish by login.js).
 */
final class BrowserLogin implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {

    static final String LOGIN_PAGE = "/login.html";

    private final ApplicationEventPublisher events;

    BrowserLogin(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        events.publishEvent(new StaffAction(authentication.getName(), "LOGIN_OK", authentication.getName(),
                Map.of(), Map.of()));
        response.sendRedirect(request.getContextPath() + "/");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException {
        String query = e instanceof LoginLockedException locked
                ? "error=bloqueado&segundos=" + locked.retryAfterSeconds()
                : e instanceof DisabledException ? "error=inactiva" : "error=credenciales";
        response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?" + query);
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                Authentication authentication) throws IOException {
        if (authentication != null) {
            events.publishEvent(new StaffAction(authentication.getName(), "LOGOUT", authentication.getName(),
                    Map.of(), Map.of()));
        }
        response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?salida");
    }
}
