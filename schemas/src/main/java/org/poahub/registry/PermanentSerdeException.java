package org.poahub.registry;

/** The payload, the record or the schema is wrong; retrying the same bytes gives the same error. */
public abstract sealed class PermanentSerdeException extends SerdeException
    permits BadMagicByteException, TruncatedPayloadException, CorruptPayloadException,
        SchemaNotFoundException, IncompatibleSchemaException, InvalidRecordException,
        RegistryRequestRejectedException {

  PermanentSerdeException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public final boolean isTransient() {
    return false;
  }
}
