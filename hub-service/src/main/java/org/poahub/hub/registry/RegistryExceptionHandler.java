package org.poahub.hub.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
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

    private static final Logger log = LoggerFactory.getLogger(RegistryExceptionHandler.class);

    @ExceptionHandler(RegistryException.class)
    ResponseEntity<Map<String, Object>> registryError(RegistryException e) {
        return error(e.status(), e.errorCode(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, 400, "The request body cannot be read: " + e.getMostSpecificCause().getMessage());
    }

    /** Confluent's code for a store failure; clients treat a 5xx as worth a retry. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Map<String, Object>> storeFailure(DataAccessException e) {
        log.error("Schema registry store failure", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, 50001, "Error in the backend data store: " + e.getMostSpecificCause().getMessage());
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
