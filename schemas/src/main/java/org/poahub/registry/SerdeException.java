package org.poahub.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Every failure of the Confluent-wire serde and of the registry client.
 *
 * <p>Two families the hub acts on differently: {@link PermanentSerdeException} (the message or schema
 * itself is wrong: reject it with {@link #getMessage()} as the reason) and {@link TransientSerdeException}
 * (the registry could not answer: retry later, never reject). A subclass of Kafka's
 * {@link SerializationException} so the consumer reports it as a record-level failure.
 */
public abstract sealed class SerdeException extends SerializationException
    permits PermanentSerdeException, TransientSerdeException {

  SerdeException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code true}: retry later, the message is not at fault; {@code false}: retrying cannot help. */
  public abstract boolean isTransient();
}
