package dev.steward.runtime.managed;

import dev.steward.ProtocolException;
import dev.steward.UnknownMethodException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fits decoded arguments to the parameter types of a managed class's methods on the node, for
 * generated dispatchers. A mismatch (possible only with a client built from another version, or
 * one that does not use the generated proxy) is a {@link ProtocolException} naming the argument.
 * Collections travel as plain lists, sets and maps; a parameter declared as one of the {@code
 * java.util} types listed by {@link #COLLECTION_TYPES} gets a copy in its declared shape, without
 * reflection.
 */
public final class NodeCalls {
    /** The collection and map classes a parameter may be declared as. */
    public static final List<Class<?>> COLLECTION_TYPES = List.of(
            Iterable.class,
            Collection.class,
            List.class,
            Set.class,
            SortedSet.class,
            NavigableSet.class,
            Queue.class,
            Deque.class,
            Map.class,
            SortedMap.class,
            NavigableMap.class,
            ConcurrentMap.class,
            ArrayList.class,
            LinkedList.class,
            CopyOnWriteArrayList.class,
            HashSet.class,
            LinkedHashSet.class,
            TreeSet.class,
            ArrayDeque.class,
            HashMap.class,
            LinkedHashMap.class,
            TreeMap.class,
            ConcurrentHashMap.class);

    private NodeCalls() {}

    /**
     * Reads an {@code int} argument.
     *
     * @param args the arguments
     * @param i the position
     * @return the value
     */
    public static int intArg(Object[] args, int i) {
        Object a = args[i];
        if (a instanceof Integer || a instanceof Short || a instanceof Byte) {
            return ((Number) a).intValue();
        }
        throw mismatch(args, i, "int");
    }

    /**
     * Reads a {@code long} argument.
     *
     * @param args the arguments
     * @param i the position
     * @return the value
     */
    public static long longArg(Object[] args, int i) {
        Object a = args[i];
        if (a instanceof Long || a instanceof Integer || a instanceof Short || a instanceof Byte) {
            return ((Number) a).longValue();
        }
        throw mismatch(args, i, "long");
    }

    /**
     * Reads a {@code short} argument.
     *
     * @param args the arguments
     * @param i the position
     * @return the value
     */
    public static short shortArg(Object[] args, int i) {
        Object a = args[i];
        if (a instanceof Short || a instanceof Byte) {
            return ((Number) a).shortValue();
        }
        throw mismatch(args, i, "short");
    }

    /**
     * Reads a {@code byte} argument.
     *
     * @param args the arguments
     * @param i the position
     * @return the value
     */
    public static byte byteArg(Object[] args, int i) {
        if (args[i] instanceof Byte b) {
            return b;
        }
        throw mismatch(args, i, "byte");
    }

    /**
     * Reads a {@code double} argument.
     *
     * @param args the arguments
     * @param i the position
     * @return the value
     */
    public static double doubleArg(Object[] args, int i) {
        Object a = args[i];
        if (a instanceof Number n && !(a instanceof java.math.BigInteger || a instanceof java.math.BigDecimal)) {
            return n.doubleValue();
        }
        throw mismatch(args, i, "double");
    }

    /**
     * Reads a {@code float} argument.
     *
     * @param args the arguments
     * @param i the position
     * @return the value
     */
    public static float floatArg(Object[] args, int i) {
        Object a = args[i];
        if (a instanceof Float || a instanceof Integer || a instanceof Short || a instanceof Byte) {
            return ((Number) a).floatValue();
        }
        throw mismatch(args, i, "float");
    }

    /**
     * Reads a {@code boolean} argument.
     *
     * @param args the arguments
     * @param i the position
     * @return the value
     */
    public static boolean booleanArg(Object[] args, int i) {
        if (args[i] instanceof Boolean b) {
            return b;
        }
        throw mismatch(args, i, "boolean");
    }

    /**
     * Reads a {@code char} argument.
     *
     * @param args the arguments
     * @param i the position
     * @return the value
     */
    public static char charArg(Object[] args, int i) {
        if (args[i] instanceof Character c) {
            return c;
        }
        throw mismatch(args, i, "char");
    }

    /**
     * Reads an argument of a reference type that travels by value (a wrapper, a string, a record,
     * an enum, an array or a collection): fits it to the declared class.
     *
     * @param args the arguments
     * @param i the position
     * @param declared the erasure of the parameter type
     * @param <T> the parameter type
     * @return the value, possibly copied into the declared shape; {@code null} stays {@code null}
     */
    @SuppressWarnings("unchecked")
    public static <T> T value(Object[] args, int i, Class<?> declared) {
        Object fitted = fit(args[i], declared);
        if (fitted != null && !wrap(declared).isInstance(fitted)) {
            throw mismatch(args, i, declared.getName());
        }
        return (T) fitted;
    }

    /**
     * Fits a value to a declared class: widens numbers to a declared wrapper, and copies
     * collections into a declared collection class.
     *
     * @param value the decoded value
     * @param declared the declared class
     * @return the fitted value, or the value unchanged when nothing applies
     */
    public static Object fit(Object value, Class<?> declared) {
        if (value == null || declared.isInstance(value)) {
            return value;
        }
        if (value instanceof Number n) {
            Class<?> w = wrap(declared);
            if (w == Long.class && (n instanceof Integer || n instanceof Short || n instanceof Byte)) {
                return n.longValue();
            }
            if (w == Integer.class && (n instanceof Short || n instanceof Byte)) {
                return n.intValue();
            }
            if (w == Double.class && (n instanceof Float || n instanceof Integer || n instanceof Long)) {
                return n.doubleValue();
            }
            return value;
        }
        if (value instanceof Map<?, ?> m) {
            return fitMap(m, declared);
        }
        if (value instanceof Collection<?> c) {
            return fitCollection(c, declared);
        }
        return value;
    }

    private static Object fitMap(Map<?, ?> m, Class<?> declared) {
        if (declared == SortedMap.class || declared == NavigableMap.class || declared == TreeMap.class) {
            return new TreeMap<>(m);
        }
        if (declared == ConcurrentMap.class || declared == ConcurrentHashMap.class) {
            return new ConcurrentHashMap<>(m);
        }
        if (declared == HashMap.class) {
            return new HashMap<>(m);
        }
        if (declared == LinkedHashMap.class) {
            return new LinkedHashMap<>(m);
        }
        return m;
    }

    private static Object fitCollection(Collection<?> c, Class<?> declared) {
        if (declared == SortedSet.class || declared == NavigableSet.class || declared == TreeSet.class) {
            return new TreeSet<>(c);
        }
        if (declared == Set.class || declared == LinkedHashSet.class) {
            return new LinkedHashSet<>(c);
        }
        if (declared == HashSet.class) {
            return new HashSet<>(c);
        }
        if (declared == List.class || declared == ArrayList.class) {
            return new ArrayList<>(c);
        }
        if (declared == LinkedList.class) {
            return new LinkedList<>(c);
        }
        if (declared == CopyOnWriteArrayList.class) {
            return new CopyOnWriteArrayList<>(c);
        }
        if (declared == Queue.class || declared == Deque.class || declared == ArrayDeque.class) {
            return new ArrayDeque<>(c);
        }
        return c;
    }

    /**
     * Returns the wrapper class of a primitive class, or the class itself.
     *
     * @param c a class
     * @return its wrapper, or itself
     */
    public static Class<?> wrap(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        } else if (c == int.class) {
            return Integer.class;
        } else if (c == long.class) {
            return Long.class;
        } else if (c == boolean.class) {
            return Boolean.class;
        } else if (c == double.class) {
            return Double.class;
        } else if (c == float.class) {
            return Float.class;
        } else if (c == short.class) {
            return Short.class;
        } else if (c == byte.class) {
            return Byte.class;
        } else if (c == char.class) {
            return Character.class;
        }
        return Void.class;
    }

    /**
     * Builds the error for a method index a dispatcher does not know.
     *
     * @param type the managed class
     * @param index the index
     * @return the exception to throw
     */
    public static UnknownMethodException noSuchMethod(Class<?> type, int index) {
        return new UnknownMethodException(type.getName() + " has no exposed method with index " + index);
    }

    /**
     * Builds the error for a constructor index a dispatcher does not know.
     *
     * @param type the managed class
     * @param index the index
     * @return the exception to throw
     */
    public static UnknownMethodException noSuchConstructor(Class<?> type, int index) {
        return new UnknownMethodException(type.getName() + " has no public constructor with index " + index);
    }

    /**
     * Builds the error for an argument of the wrong type.
     *
     * @param args the arguments
     * @param i the position
     * @param expected what the parameter takes
     * @return the exception to throw
     */
    public static ProtocolException mismatch(Object[] args, int i, String expected) {
        Object a = args[i];
        return new ProtocolException("argument " + i + " must be " + expected + ", not "
                + (a == null ? "null" : a.getClass().getName())
                + " (are the client and the node built from the same version?)");
    }
}
