package org.poahub.registry;

/** A record cannot be encoded with its own schema (e.g. a required field is null, a decimal has the wrong scale). */
public final class InvalidRecordException extends PermanentSerdeException {
  InvalidRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
