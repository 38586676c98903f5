package dev.steward.runtime.managed;

import dev.steward.SharedObject;
import dev.steward.runtime.client.ProxyHandle;
import java.util.List;
import java.util.Objects;

/**
 * One managed class as every JVM sees it: its type name, its method table and the fingerprint of
 * that table, how the client makes proxies and how the node constructs and calls instances. The
 * annotation processor generates a subclass for every {@code @Managed} class ({@code
 * Counter_ManagedType}) and lists it in {@code META-INF/services}, where {@link ManagedTypes} finds
 * it; {@link DynamicManagedType} is the run-time counterpart for registered classes.
 *
 * <p><b>Method selectors.</b> A call names its method with an {@code int} that packs the low
 * {@value #FINGERPRINT_BITS} bits of the fingerprint above an index of {@value #INDEX_BITS} bits.
 * Indexes follow the sorted signatures of the exposed methods (and, separately, of the public
 * constructors), so the proxy and the dispatcher compiled from one version of a class agree; a
 * proxy of another version fails with {@link dev.steward.UnknownMethodException} instead of
 * calling the wrong method.
 *
 * @param <T> the managed class
 */
public abstract class ManagedType<T> {
    /** Bits of a selector that hold the method or constructor index. */
    public static final int INDEX_BITS = 11;

    /** Bits of a selector that hold the low bits of the fingerprint. */
    public static final int FINGERPRINT_BITS = 20;

    /** The largest method or constructor index. */
    public static final int MAX_INDEX = (1 << INDEX_BITS) - 1;

    private final String typeName;
    private final Class<T> type;
    private final long fingerprint;
    private final boolean concurrent;
    private final boolean inline;
    private final List<ExposedMethod> methods;
    private final List<List<Class<?>>> constructors;
    private final List<Class<?>> valueTypes;

    /**
     * Describes a managed class whose calls run on worker threads: the form that classes generated
     * before {@code @Managed(inline)} existed call, kept so that they still load.
     *
     * @param typeName the node's name for the type: the class's binary name
     * @param type the class, or {@code null} in a JVM that knows only the proxy side of a
     *     run-time registration
     * @param fingerprint the hash of the method table
     * @param concurrent whether calls on one object may overlap
     * @param methods the exposed methods, by index
     * @param constructors the parameter types of the public constructors, by index
     * @param valueTypes records and enums that exposed signatures use, to register with the codec
     */
    protected ManagedType(
            String typeName,
            Class<T> type,
            long fingerprint,
            boolean concurrent,
            List<ExposedMethod> methods,
            List<List<Class<?>>> constructors,
            List<Class<?>> valueTypes) {
        this(typeName, type, fingerprint, concurrent, false, methods, constructors, valueTypes);
    }

    /**
     * Describes a managed class.
     *
     * @param typeName the node's name for the type: the class's binary name
     * @param type the class, or {@code null} in a JVM that knows only the proxy side of a
     *     run-time registration
     * @param fingerprint the hash of the method table
     * @param concurrent whether calls on one object may overlap
     * @param inline whether calls run on the transport thread rather than a worker thread
     * @param methods the exposed methods, by index
     * @param constructors the parameter types of the public constructors, by index
     * @param valueTypes records and enums that exposed signatures use, to register with the codec
     */
    protected ManagedType(
            String typeName,
            Class<T> type,
            long fingerprint,
            boolean concurrent,
            boolean inline,
            List<ExposedMethod> methods,
            List<List<Class<?>>> constructors,
            List<Class<?>> valueTypes) {
        if (methods.size() > MAX_INDEX + 1 || constructors.size() > MAX_INDEX + 1) {
            throw new IllegalArgumentException("a managed class can expose at most " + (MAX_INDEX + 1) + " methods");
        }
        this.typeName = Objects.requireNonNull(typeName, "typeName");
        this.type = type;
        this.fingerprint = fingerprint;
        this.concurrent = concurrent;
        this.inline = inline;
        this.methods = List.copyOf(methods);
        this.constructors = List.copyOf(constructors);
        this.valueTypes = List.copyOf(valueTypes);
    }

    /**
     * Describes one exposed method.
     *
     * @param signature its name and parameter types, such as {@code add(int)}
     * @param parameterCount how many arguments it takes
     * @return the description
     */
    protected static ExposedMethod method(String signature, int parameterCount) {
        return new ExposedMethod(signature, parameterCount);
    }

    /**
     * Packs a fingerprint and an index into a selector.
     *
     * @param fingerprint the fingerprint of a method table
     * @param index a method or constructor index
     * @return the selector
     */
    public static int selector(long fingerprint, int index) {
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("index " + index + " out of range");
        }
        return (int) ((fingerprint & ((1L << FINGERPRINT_BITS) - 1)) << INDEX_BITS) | index;
    }

    /**
     * Returns the managed class.
     *
     * @return the class, or {@code null} where only the proxy side is known
     */
    public final Class<T> type() {
        return type;
    }

    /**
     * Returns the node's name for the type: the class's binary name.
     *
     * @return the type name
     */
    public final String typeName() {
        return typeName;
    }

    /**
     * Returns the fingerprint of the method table.
     *
     * @return a hash of the type name and the sorted signatures
     */
    public final long fingerprint() {
        return fingerprint;
    }

    /**
     * Tells whether calls on one object may run at the same time.
     *
     * @return {@code true} for {@code @Managed(concurrent = true)}
     */
    public final boolean concurrent() {
        return concurrent;
    }

    /**
     * Tells whether calls run on the node's transport thread rather than on a worker thread.
     *
     * @return {@code true} for {@code @Managed(inline = true)}
     */
    public final boolean inline() {
        return inline;
    }

    /**
     * Returns the exposed methods by index.
     *
     * @return the methods
     */
    public final List<ExposedMethod> methods() {
        return methods;
    }

    /**
     * Returns the parameter types of the public constructors, by index.
     *
     * @return the constructors
     */
    public final List<List<Class<?>>> constructors() {
        return constructors;
    }

    /**
     * Returns the records and enums that exposed signatures use.
     *
     * @return the classes, registered with the codec of every JVM
     */
    public final List<Class<?>> valueTypes() {
        return valueTypes;
    }

    /**
     * Returns the selector of a method.
     *
     * @param index the method index
     * @return the selector a call sends
     */
    public final int selector(int index) {
        return selector(fingerprint, index);
    }

    /**
     * Reads the index from a selector, checking its fingerprint bits.
     *
     * @param selector the selector a call sent
     * @param count how many methods or constructors there are
     * @param what "method" or "constructor", for the error
     * @return the index
     * @throws dev.steward.UnknownMethodException if the fingerprint differs or the index is out of
     *     range
     */
    public final int index(int selector, int count, String what) {
        int index = selector & MAX_INDEX;
        int expected = selector(fingerprint, 0) >>> INDEX_BITS;
        int got = selector >>> INDEX_BITS;
        if (got != expected) {
            throw new dev.steward.UnknownMethodException("the caller's " + typeName() + " was compiled from another"
                    + " version of the class than the node's (method table fingerprint bits 0x"
                    + Integer.toHexString(got) + ", the node has 0x" + Integer.toHexString(expected)
                    + "): build the client and the node from the same version");
        }
        if (index >= count) {
            throw new dev.steward.UnknownMethodException(
                    typeName() + " has no " + what + " with index " + index + " (it has " + count + ")");
        }
        return index;
    }

    /**
     * Makes the proxy of an object of this type (client side).
     *
     * @param handle the object's handle
     * @return the proxy
     */
    public abstract SharedObject proxy(ProxyHandle handle);

    /**
     * Returns the node-side dispatcher.
     *
     * @return the dispatcher
     * @throws UnsupportedOperationException in a JVM that knows only the proxy side
     */
    public abstract ManagedDispatcher<T> dispatcher();

    @Override
    public String toString() {
        return "managed type " + typeName() + " (fingerprint " + Long.toHexString(fingerprint) + ", " + methods.size()
                + " methods)";
    }

    /**
     * One exposed method.
     *
     * @param signature name and parameter types, for messages
     * @param parameterCount how many arguments it takes
     */
    public record ExposedMethod(String signature, int parameterCount) {
        /**
         * Checks the parts.
         *
         * @param signature the signature
         * @param parameterCount the count
         */
        public ExposedMethod {
            Objects.requireNonNull(signature, "signature");
        }
    }
}
