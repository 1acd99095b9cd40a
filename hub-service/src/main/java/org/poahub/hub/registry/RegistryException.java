package org.poahub.hub.registry;

import org.springframework.http.HttpStatus;

/** A registry error with Confluent's HTTP status and {@code error_code}. */
class RegistryException extends RuntimeException {

    private final HttpStatus status;
    private final int errorCode;

    RegistryException(HttpStatus status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    HttpStatus status() {
        return status;
    }

    int errorCode() {
        return errorCode;
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(HttpStatus.NOT_FOUND, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(String subject, String version) {
        return new RegistryException(HttpStatus.NOT_FOUND, 40402,
                "Version " + version + " not found for subject '" + subject + "'.");
    }

    static RegistryException schemaNotFound(String detail) {
        return new RegistryException(HttpStatus.NOT_FOUND, 40403, "Schema not found: " + detail);
    }

    static RegistryException subjectConfigNotFound(String subject) {
        return new RegistryException(HttpStatus.NOT_FOUND, 40401,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryException invalidSchema(String message) {
        return new RegistryException(HttpStatus.UNPROCESSABLE_CONTENT, 42201, message);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(HttpStatus.UNPROCESSABLE_CONTENT, 42202,
                "The specified version '" + version + "' is not a valid version id. "
                        + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibilityLevel(String level) {
        return new RegistryException(HttpStatus.UNPROCESSABLE_CONTENT, 42203,
                "Invalid compatibility level '" + level + "'. Valid values are: "
                        + java.util.Arrays.toString(CompatibilityLevel.values()));
    }

    static RegistryException incompatible(String subject, java.util.List<String> messages) {
        return new RegistryException(HttpStatus.CONFLICT, 409,
                "Schema being registered is incompatible with an earlier schema for subject '" + subject
                        + "', details: " + messages);
    }

    static RegistryException badRequest(String message) {
        return new RegistryException(HttpStatus.BAD_REQUEST, 400, message);
    }
}
