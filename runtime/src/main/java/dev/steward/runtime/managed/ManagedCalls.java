package dev.steward.runtime.managed;

import dev.steward.Manager;
import dev.steward.RemoteInvocationException;
import dev.steward.SharedObject;
import dev.steward.runtime.ManagerConnections;
import dev.steward.runtime.client.ClientConnection;
import dev.steward.runtime.codec.Coercion;
import dev.steward.runtime.protocol.Ops;
import dev.steward.runtime.protocol.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * What generated proxies call on the client: creating objects on the node, fitting results to
 * declared types, and turning remote failures into the checked exceptions a method declares.
 */
public final class ManagedCalls {
    private ManagedCalls() {}

    /**
     * Creates an object on the node with a constructor chosen at compile time.
     *
     * @param manager the manager
     * @param typeName the managed class's type name
     * @param selector the constructor's selector
     * @param proxyType the proxy class
     * @param args the constructor arguments
     * @param <P> the proxy type
     * @return the proxy of the new object
     */
    public static <P> P create(Manager manager, String typeName, int selector, Class<P> proxyType, Object[] args) {
        Object created = create(ManagerConnections.of(manager), typeName, selector, args);
        return cast(created, proxyType, typeName);
    }

    /**
     * Creates an object of a managed class, choosing the constructor from the arguments' types.
     *
     * @param connection the connection
     * @param managedClass the class
     * @param args the constructor arguments
     * @param <P> the proxy type
     * @return the proxy
     */
    @SuppressWarnings("unchecked")
    public static <P> P create(ClientConnection connection, Class<?> managedClass, Object[] args) {
        ManagedType<?> type = ManagedTypes.forClass(managedClass);
        List<List<Class<?>>> constructors =
                type instanceof DynamicManagedType d ? d.constructorsOf(managedClass) : type.constructors();
        int index = chooseConstructor(managedClass, constructors, args);
        return (P) create(connection, type.typeName(), type.selector(index), args);
    }

    private static Object create(ClientConnection connection, String typeName, int selector, Object[] args) {
        Object[] all = new Object[args.length + 2];
        all[0] = typeName;
        all[1] = selector;
        System.arraycopy(args, 0, all, 2, args.length);
        return connection.callSync(Protocol.NODE_OBJECT, Ops.Node.CREATE, "create " + typeName, all);
    }

    /** Picks the one constructor that accepts the arguments: exact matches beat widening ones. */
    static int chooseConstructor(Class<?> type, List<List<Class<?>>> constructors, Object[] args) {
        List<Integer> exact = new ArrayList<>();
        List<Integer> loose = new ArrayList<>();
        for (int i = 0; i < constructors.size(); i++) {
            List<Class<?>> params = constructors.get(i);
            if (params.size() != args.length) {
                continue;
            }
            int fit = 2;
            for (int p = 0; p < args.length && fit > 0; p++) {
                fit = Math.min(fit, fit(args[p], params.get(p)));
            }
            if (fit == 2) {
                exact.add(i);
            } else if (fit == 1) {
                loose.add(i);
            }
        }
        List<Integer> found = exact.isEmpty() ? loose : exact;
        if (found.size() == 1) {
            return found.get(0);
        }
        StringBuilder types = new StringBuilder();
        for (Object a : args) {
            types.append(types.length() == 0 ? "" : ", ")
                    .append(a == null ? "null" : a.getClass().getSimpleName());
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException(
                    "no public constructor of " + type.getName() + " accepts (" + types + "); it has " + constructors);
        }
        throw new IllegalArgumentException("more than one public constructor of " + type.getName() + " accepts ("
                + types + "): use the generated " + type.getSimpleName() + "_Proxy.create(manager, ...), whose"
                + " overloads are chosen at compile time, or cast the arguments");
    }

    /** 2: exact, 1: with widening or a reference, 0: no. */
    private static int fit(Object arg, Class<?> param) {
        if (arg == null) {
            return param.isPrimitive() ? 0 : 2;
        }
        if (ManagedTypes.isManaged(param)) {
            return arg instanceof SharedObject s && s.typeName().equals(param.getName()) ? 2 : 0;
        }
        Class<?> wrapped = NodeCalls.wrap(param);
        if (wrapped.isInstance(arg)) {
            return 2;
        }
        return wrapped.isInstance(NodeCalls.fit(arg, param)) ? 1 : 0;
    }

    /**
     * Reads an {@code int} result.
     *
     * @param value the decoded result
     * @return the value
     */
    public static int intResult(Object value) {
        return ((Number) value).intValue();
    }

    /**
     * Reads a {@code long} result.
     *
     * @param value the decoded result
     * @return the value
     */
    public static long longResult(Object value) {
        return ((Number) value).longValue();
    }

    /**
     * Reads a {@code short} result.
     *
     * @param value the decoded result
     * @return the value
     */
    public static short shortResult(Object value) {
        return ((Number) value).shortValue();
    }

    /**
     * Reads a {@code byte} result.
     *
     * @param value the decoded result
     * @return the value
     */
    public static byte byteResult(Object value) {
        return ((Number) value).byteValue();
    }

    /**
     * Reads a {@code double} result.
     *
     * @param value the decoded result
     * @return the value
     */
    public static double doubleResult(Object value) {
        return ((Number) value).doubleValue();
    }

    /**
     * Reads a {@code float} result.
     *
     * @param value the decoded result
     * @return the value
     */
    public static float floatResult(Object value) {
        return ((Number) value).floatValue();
    }

    /**
     * Reads a {@code boolean} result.
     *
     * @param value the decoded result
     * @return the value
     */
    public static boolean booleanResult(Object value) {
        return (Boolean) value;
    }

    /**
     * Reads a {@code char} result.
     *
     * @param value the decoded result
     * @return the value
     */
    public static char charResult(Object value) {
        return (Character) value;
    }

    /**
     * Reads the result of a {@code void} method.
     *
     * @param value the decoded result, {@code null}
     * @return {@code null}
     */
    public static Void voidResult(Object value) {
        return null;
    }

    /**
     * Fits a result to its declared type (copying a collection into a declared collection class).
     *
     * @param value the decoded result
     * @param declared the erasure of the declared return type
     * @param <T> the declared return type
     * @return the value
     * @throws ClassCastException if the node sent a value of another type
     */
    @SuppressWarnings("unchecked")
    public static <T> T result(Object value, Class<?> declared) {
        Object fitted = NodeCalls.fit(value, declared);
        if (fitted != null && !NodeCalls.wrap(declared).isInstance(fitted)) {
            fitted = Coercion.coerce(fitted, declared);
        }
        return (T) cast(fitted, NodeCalls.wrap(declared), declared.getName());
    }

    private static <P> P cast(Object value, Class<P> type, String what) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        String actual = value instanceof SharedObject s
                ? "a proxy of " + s.typeName()
                : value.getClass().getName();
        throw new ClassCastException("expected " + what + " from the node, but got " + actual
                + " (are the client and the node built from the same version?)");
    }

    /**
     * Prepares a checked exception that a method declares, rebuilt on the client from the remote
     * failure: its cause becomes the node's stack trace.
     *
     * @param exception the rebuilt exception
     * @param remote the remote failure
     * @param <X> the exception type
     * @return the exception, to throw
     */
    public static <X extends Throwable> X rethrown(X exception, RemoteInvocationException remote) {
        if (remote.getCause() != null && exception.getCause() == null) {
            try {
                exception.initCause(remote.getCause());
            } catch (IllegalStateException e) {
                exception.addSuppressed(remote.getCause());
            }
        }
        return exception;
    }

    /**
     * Adapts a call's future to a method's result type.
     *
     * @param call the call's future
     * @param result fits the decoded result
     * @param <T> the result type
     * @return the future the async proxy returns
     */
    public static <T> CompletableFuture<T> async(CompletableFuture<Object> call, Function<Object, T> result) {
        return async(call, result, e -> e);
    }

    /**
     * Adapts a call's future to a method's result type and declared exceptions.
     *
     * @param call the call's future
     * @param result fits the decoded result
     * @param errors turns a remote failure into a declared exception, or returns it unchanged
     * @param <T> the result type
     * @return the future the async proxy returns
     */
    public static <T> CompletableFuture<T> async(
            CompletableFuture<Object> call,
            Function<Object, T> result,
            Function<RemoteInvocationException, Throwable> errors) {
        CompletableFuture<T> out = new CompletableFuture<>();
        call.whenComplete((value, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                out.completeExceptionally(cause instanceof RemoteInvocationException r ? errors.apply(r) : cause);
                return;
            }
            try {
                out.complete(result.apply(value));
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }
}
