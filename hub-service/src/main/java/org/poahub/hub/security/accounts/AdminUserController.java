package org.poahub.hub.security.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** User management for ADMIN (URL rule {@code /api/admin/**}); every change is audited by {@link UserAccounts}. */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "Users", description = "Accounts, roles, regions (ADMIN)")
class AdminUserController {

    record NewUser(String name, String password, String role, String region) {
    }

    record RoleChange(String role, String region) {
    }

    record PasswordReset(String password) {
    }

    private final UserAccounts accounts;

    AdminUserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "Every account (never a password)")
    List<Account> list() {
        return accounts.list();
    }

    @GetMapping("/{name}")
    Account one(@PathVariable String name) {
        return accounts.find(name).orElseThrow(() -> AccountException.notFound(name));
    }

    @PostMapping
    @Operation(summary = "Create an account: 201, or 400 with the reason in Spanish")
    ResponseEntity<Account> create(@RequestBody NewUser user, Authentication admin) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(accounts.create(user.name(), user.password(), user.role(), user.region(), admin.getName()));
    }

    @PutMapping("/{name}/role")
    @Operation(summary = "Change role and region")
    Account changeRole(@PathVariable String name, @RequestBody RoleChange change, Authentication admin) {
        return accounts.changeRole(name, change.role(), change.region(), admin.getName());
    }

    @PutMapping("/{name}/password")
    @Operation(summary = "Set a new password (at least 12 characters)")
    ResponseEntity<Void> resetPassword(@PathVariable String name, @RequestBody PasswordReset reset,
                                       Authentication admin) {
        accounts.resetPassword(name, reset.password(), admin.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{name}/deactivation")
    @Operation(summary = "Deactivate: no more logins, open sessions end")
    Account deactivate(@PathVariable String name, Authentication admin) {
        return accounts.deactivate(name, admin.getName());
    }

    @PostMapping("/{name}/activation")
    @Operation(summary = "Activate a deactivated account again")
    Account activate(@PathVariable String name, Authentication admin) {
        return accounts.activate(name, admin.getName());
    }

    @ExceptionHandler(AccountException.class)
    ProblemDetail refused(AccountException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle(e.notFound() ? "Usuario inexistente" : "Cambio de usuario rechazado");
        return problem;
    }
}
