package org.poahub.hub.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, for the dashboard and the login page; reading it also issues the CSRF cookie
 * ({@code XSRF-TOKEN}) that scripts echo in {@code X-XSRF-TOKEN} on state-changing requests. The masked token in the
 * body is for an HTML form's {@code _csrf} field (the login form).
 */
@RestController
class SessionController {

    record Csrf(String headerName, String parameterName, String token) {
    }

    record Session(boolean authenticated, String user, String role, String region, Csrf csrf) {
    }

    @GetMapping("/api/session")
    Session session(Authentication caller, CsrfToken csrf) {
        Csrf token = csrf == null ? null : new Csrf(csrf.getHeaderName(), csrf.getParameterName(), csrf.getToken());
        if (caller == null || !caller.isAuthenticated()) {
            return new Session(false, null, null, null, token);
        }
        List<String> roles = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
        return new Session(true, caller.getName(), roles.isEmpty() ? null : roles.get(0),
                RegionScope.regionOf(caller).orElse(null), token);
    }
}
