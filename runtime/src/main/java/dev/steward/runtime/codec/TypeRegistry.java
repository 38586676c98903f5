package dev.steward.runtime.codec;

import dev.steward.TypeAdapter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The record, enum and adapted types one side of a connection may receive, by the name they travel
 * under. A class is resolved from a name only if it was registered, sent by this JVM before, or
 * lies in an allowed package (then it is loaded without initialization and used only if it is a
 * record or an enum). Thread-safe.
 */
public final class TypeRegistry {
    private final Map<String, Class<?>> byName = new ConcurrentHashMap<>();
    private final Map<String, TypeAdapter<?>> adaptersByName = new ConcurrentHashMap<>();
    private final Map<Class<?>, TypeAdapter<?>> adaptersByClass = new ConcurrentHashMap<>();
    private final Map<Class<?>, java.util.Optional<TypeAdapter<?>>> adapterCache = new ConcurrentHashMap<>();
    private final List<String> packages = new CopyOnWriteArrayList<>();

    /** The longest type or wire name a message may carry, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 1024;

    private final ClassLoader loader;

    private final ClassValue<RecordShape> shapes = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return RecordShape.of(type);
        }
    };

    /**
     * Creates an empty registry.
     *
     * @param loader the loader for classes of allowed packages
     */
    public TypeRegistry(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * Registers a record or enum class.
     *
     * @param type the class
     */
    public void register(Class<?> type) {
        Class<?> named = type.isEnum() || type.isRecord() ? type : type.getSuperclass();
        if (named == null || !(named.isEnum() || named.isRecord())) {
            throw new IllegalArgumentException(type.getName() + " is neither a record nor an enum");
        }
        byName.putIfAbsent(named.getName(), named);
    }

    /**
     * Registers every class of a collection.
     *
     * @param types the classes
     */
    public void registerAll(Collection<Class<?>> types) {
        types.forEach(this::register);
    }

    /**
     * Registers an adapter.
     *
     * @param adapter the adapter
     */
    public void register(TypeAdapter<?> adapter) {
        int length = adapter.wireName().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (length == 0 || length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("the wire name of " + adapter + " must take 1 to " + MAX_NAME_BYTES
                    + " bytes in UTF-8, not " + length);
        }
        TypeAdapter<?> earlier = adaptersByName.putIfAbsent(adapter.wireName(), adapter);
        if (earlier != null && earlier.type() != adapter.type()) {
            throw new IllegalArgumentException("wire name '" + adapter.wireName() + "' is taken by "
                    + earlier.type().getName() + "; choose another for "
                    + adapter.type().getName());
        }
        adaptersByClass.putIfAbsent(adapter.type(), adapter);
        adapterCache.clear();
    }

    /**
     * Tells whether any adapter is registered.
     *
     * @return {@code true} if one is
     */
    public boolean hasAdapters() {
        return !adaptersByClass.isEmpty();
    }

    /**
     * Allows receiving every record and enum in a package and its sub-packages.
     *
     * @param packageName the package
     */
    public void allowPackage(String packageName) {
        packages.add(packageName.endsWith(".") ? packageName : packageName + ".");
    }

    /**
     * Lists the names of explicitly known record and enum classes, for a spawned child.
     *
     * @return class names
     */
    public List<String> knownTypeNames() {
        return new ArrayList<>(byName.keySet());
    }

    /**
     * Lists the allowed packages.
     *
     * @return package prefixes, each ending with a dot
     */
    public List<String> allowedPackages() {
        return List.copyOf(packages);
    }

    /**
     * Finds the record or enum class for a name, or {@code null} if it may not be received.
     *
     * @param name a binary class name from a message
     * @return the class or {@code null}
     */
    public Class<?> resolve(String name) {
        Class<?> known = byName.get(name);
        if (known != null || packages.isEmpty()) {
            return known;
        }
        for (String prefix : packages) {
            if (name.startsWith(prefix)) {
                try {
                    Class<?> c = Class.forName(name, false, loader);
                    if (c.isRecord() || c.isEnum()) {
                        byName.putIfAbsent(name, c);
                        return c;
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * Finds the adapter for a class or one of its superclasses.
     *
     * @param type the value's class
     * @return the adapter, or {@code null}
     */
    public TypeAdapter<?> adapterFor(Class<?> type) {
        if (adaptersByClass.isEmpty()) {
            return null;
        }
        return adapterCache
                .computeIfAbsent(type, t -> java.util.Optional.ofNullable(findAdapter(t)))
                .orElse(null);
    }

    /** The adapter of the nearest superclass, else of the first interface found, breadth first. */
    private TypeAdapter<?> findAdapter(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            TypeAdapter<?> a = adaptersByClass.get(c);
            if (a != null) {
                return a;
            }
        }
        java.util.ArrayDeque<Class<?>> queue = new java.util.ArrayDeque<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            queue.addAll(List.of(c.getInterfaces()));
        }
        while (!queue.isEmpty()) {
            Class<?> i = queue.poll();
            TypeAdapter<?> a = adaptersByClass.get(i);
            if (a != null) {
                return a;
            }
            queue.addAll(List.of(i.getInterfaces()));
        }
        return null;
    }

    /**
     * Finds the adapter for a wire name.
     *
     * @param wireName the name from a message
     * @return the adapter, or {@code null}
     */
    public TypeAdapter<?> adapterNamed(String wireName) {
        return adaptersByName.get(wireName);
    }

    /**
     * Notes that this JVM sends a record or enum type, so it may receive it too.
     *
     * @param type the class
     */
    void noteSent(Class<?> type) {
        byName.putIfAbsent(type.getName(), type);
    }

    RecordShape shape(Class<?> recordType) {
        return shapes.get(recordType);
    }

    /** The accessors and canonical constructor of a record class, made accessible once. */
    static final class RecordShape {
        final String[] names;
        final Method[] accessors;
        final Class<?>[] types;
        final Constructor<?> constructor;

        private RecordShape(String[] names, Method[] accessors, Class<?>[] types, Constructor<?> constructor) {
            this.names = names;
            this.accessors = accessors;
            this.types = types;
            this.constructor = constructor;
        }

        static RecordShape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Method[] accessors = new Method[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> c = type.getDeclaredConstructor(types);
                c.setAccessible(true);
                return new RecordShape(names, accessors, types, c);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            }
        }
    }
}
