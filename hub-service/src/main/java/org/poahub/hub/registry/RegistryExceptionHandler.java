package org.poahub.hub.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Confluent's error body: {@code {"error_code": 40401, "message": "..."}}. */
@RestControllerAdvice(basePackageClasses = RegistryExceptionHandler.class)
@ConditionalOnEmbeddedRegistry
class RegistryExceptionHandler {

    @ExceptionHandler(RegistryException.class)
    ResponseEntity<Map<String, Object>> registryError(RegistryException e) {
        return error(e.status(), e.errorCode(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, 400, "The request body cannot be read: " + e.getMostSpecificCause().getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badPathValue(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.NOT_FOUND, 404, "'" + e.getValue() + "' is not a valid " + e.getName());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("message", message);
        return ResponseEntity.status(status).contentType(RegistryJson.MEDIA_TYPE).body(body);
    }
}
