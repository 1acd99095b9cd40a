package org.poahub.registry;

/** The registry refused a request as invalid (400, 422 such as 42201 invalid schema, other 4xx). */
public final class RegistryRequestRejectedException extends PermanentSerdeException {
  private final int httpStatus;
  private final int errorCode;

  RegistryRequestRejectedException(String message, int httpStatus, int errorCode) {
    super(message, null);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The registry's error code, or the HTTP status when the body had none. */
  public int errorCode() {
    return errorCode;
  }
}
