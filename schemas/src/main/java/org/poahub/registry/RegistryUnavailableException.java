package org.poahub.registry;

/**
 * The registry could not give an answer now. Not the message's fault: retry later, never reject.
 *
 * <p>Authentication failures (401/403) and a 404 without the registry's error body (a wrong URL path) are
 * here too: they are configuration problems of this side, and rejecting good reports because of them would
 * lose data.
 */
public final class RegistryUnavailableException extends TransientSerdeException {

  /** Why the registry did not answer. */
  public enum Reason { UNREACHABLE, TIMEOUT, SERVER_ERROR, RATE_LIMITED, NOT_AUTHORIZED, NOT_A_REGISTRY, INTERRUPTED }

  private final Reason reason;
  private final int httpStatus;

  RegistryUnavailableException(String message, Reason reason, int httpStatus, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.httpStatus = httpStatus;
  }

  public Reason reason() {
    return reason;
  }

  /** The HTTP status, or 0 when there was no response. */
  public int httpStatus() {
    return httpStatus;
  }
}
