package org.poahub.registry;

/** The registry could not be asked or did not answer usefully; the same call may work later. */
public abstract sealed class TransientSerdeException extends SerdeException
    permits RegistryUnavailableException {

  TransientSerdeException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public final boolean isTransient() {
    return true;
  }
}
