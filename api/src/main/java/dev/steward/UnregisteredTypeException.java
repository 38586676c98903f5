package dev.steward;

/**
 * A value arrived that names a record, enum or adapted type which this JVM has not registered.
 * Steward never loads a class because a message named it; register the type with {@link
 * Manager.Builder#register(Class...)} (or {@link Manager.Builder#allowPackage(String)}) in the
 * receiving JVM. A JVM that sends a value of a record or enum type registers that type for itself.
 */
public class UnregisteredTypeException extends StewardException {
    private static final long serialVersionUID = 1L;
    private final String typeName;

    /**
     * Creates the exception.
     *
     * @param typeName the type name the message carried
     * @param message what to register, and where
     */
    public UnregisteredTypeException(String typeName, String message) {
        super(message);
        this.typeName = typeName;
    }

    /**
     * Returns the name the message gave the type.
     *
     * @return the binary class name, or the wire name of an adapted type
     */
    public String typeName() {
        return typeName;
    }
}
