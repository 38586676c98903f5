package dev.steward;

import java.util.Objects;
import java.util.function.Function;

/**
 * Teaches Steward to send a type that is neither a JDK value type, a record nor an enum: the
 * adapter turns a value into a sendable form (a {@code String}, a {@code List}, a {@code Map}, ...)
 * and back. Register it with {@link Manager.Builder#register(TypeAdapter)} in every JVM that sends
 * or receives the type. On the wire the value is tagged with {@link #wireName()}, never with a class
 * name.
 *
 * @param <T> the adapted type
 */
public interface TypeAdapter<T> {
    /**
     * Returns the adapted class; instances of it and of its subclasses use this adapter.
     *
     * @return the class
     */
    Class<T> type();

    /**
     * Returns the name that tags values of this type on the wire; sender and receiver must agree.
     *
     * @return a stable name, such as {@code "com.example.Money"}
     */
    String wireName();

    /**
     * Turns a value into its sendable form.
     *
     * @param value the value, never {@code null}
     * @return any value Steward can send
     */
    Object toWire(T value);

    /**
     * Turns the sendable form back into a value.
     *
     * @param wire what {@link #toWire} produced, after a trip through the codec
     * @return the value
     */
    T fromWire(Object wire);

    /**
     * Builds an adapter from two functions.
     *
     * @param type the adapted class
     * @param wireName the wire name
     * @param toWire turns a value into its sendable form
     * @param fromWire turns the sendable form back into a value
     * @param <T> the adapted type
     * @return the adapter
     */
    static <T> TypeAdapter<T> of(
            Class<T> type, String wireName, Function<? super T, ?> toWire, Function<Object, ? extends T> fromWire) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(wireName, "wireName");
        Objects.requireNonNull(toWire, "toWire");
        Objects.requireNonNull(fromWire, "fromWire");
        return new TypeAdapter<>() {
            @Override
            public Class<T> type() {
                return type;
            }

            @Override
            public String wireName() {
                return wireName;
            }

            @Override
            public Object toWire(T value) {
                return toWire.apply(value);
            }

            @Override
            public T fromWire(Object wire) {
                return fromWire.apply(wire);
            }

            @Override
            public String toString() {
                return "TypeAdapter[" + type.getName() + " as " + wireName + "]";
            }
        };
    }
}
