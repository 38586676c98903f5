package dev.steward.runtime.managed;

import dev.steward.Managed;
import dev.steward.runtime.client.ProxyTypes;
import dev.steward.runtime.codec.TypeRegistry;
import dev.steward.spi.ManagedRegistration;
import dev.steward.spi.ManagerSettings;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The managed classes this JVM knows: the generated ones, found by {@link ServiceLoader} through
 * the {@code META-INF/services} entries the annotation processor writes, and the ones registered at
 * run time. Installing them registers their proxies with {@link ProxyTypes}, so that a reference
 * of such a type, whoever sends it, becomes a typed proxy; a class is never loaded because a
 * message named it.
 */
public final class ManagedTypes {
    /**
     * Prefix of the transport options that carry run-time registrations to spawned children:
     * {@code steward.managed.<class name>} = {@code <interface name>}.
     */
    public static final String OPTION_PREFIX = "steward.managed.";

    private static final System.Logger LOG = System.getLogger(ManagedTypes.class.getName());
    private static final Map<ClassLoader, List<ManagedType<?>>> GENERATED =
            Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<String, ManagedType<?>> BY_NAME = new ConcurrentHashMap<>();
    private static final Map<Class<?>, ManagedType<?>> BY_CLASS = new ConcurrentHashMap<>();
    private static final Map<List<Object>, DynamicManagedType> DYNAMIC = new ConcurrentHashMap<>();

    private ManagedTypes() {}

    /**
     * Finds every managed class a manager with these settings uses, and registers their proxies.
     *
     * @param settings the manager's settings
     * @return the generated types on the class path, then the run-time registrations
     * @throws IllegalArgumentException if a registration is invalid (its class lacks a method of its
     *     interface)
     */
    public static List<ManagedType<?>> install(ManagerSettings settings) {
        ClassLoader loader = loader();
        List<ManagedType<?>> all = new ArrayList<>(generated(loader));
        for (ManagedRegistration r : settings.managed()) {
            all.add(dynamic(r.type().getName(), r.type(), r.api()));
        }
        for (Map.Entry<String, String> e : settings.options().entrySet()) {
            if (e.getKey().startsWith(OPTION_PREFIX)) {
                String typeName = e.getKey().substring(OPTION_PREFIX.length());
                if (all.stream().noneMatch(t -> t.typeName().equals(typeName))) {
                    inherited(typeName, e.getValue(), loader, all);
                }
            }
        }
        bind(all); // a registration the class cannot satisfy fails here, before anything is registered
        for (ManagedType<?> t : all) {
            BY_NAME.put(t.typeName(), t);
            if (t.type() != null) {
                BY_CLASS.put(t.type(), t);
            }
            ProxyTypes.register(t.typeName(), t::proxy);
        }
        return all;
    }

    /** A registration a parent passed on: only the interface is needed here. */
    private static void inherited(String typeName, String apiName, ClassLoader loader, List<ManagedType<?>> all) {
        try {
            Class<?> api = Class.forName(apiName, false, loader);
            all.add(dynamic(typeName, null, api));
        } catch (ClassNotFoundException | LinkageError | IllegalArgumentException e) {
            LOG.log(
                    Level.WARNING,
                    "the parent registered " + typeName + " as managed through " + apiName + ", which this JVM cannot"
                            + " use (" + e + "); its proxies will be generic");
        }
    }

    private static DynamicManagedType dynamic(String typeName, Class<?> type, Class<?> api) {
        return DYNAMIC.computeIfAbsent(
                java.util.Arrays.asList(typeName, type, api), k -> DynamicManagedType.of(typeName, type, api));
    }

    private static List<ManagedType<?>> generated(ClassLoader loader) {
        synchronized (GENERATED) {
            List<ManagedType<?>> found = GENERATED.get(loader);
            if (found != null) {
                return found;
            }
            found = new ArrayList<>();
            Iterator<?> it = ServiceLoader.load(ManagedType.class, loader).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    found.add((ManagedType<?>) it.next());
                } catch (ServiceConfigurationError e) {
                    LOG.log(
                            Level.WARNING,
                            "skipping a managed class that cannot be loaded (was it compiled against another"
                                    + " Steward version?): " + e.getMessage());
                }
            }
            found = List.copyOf(found);
            GENERATED.put(loader, found);
            return found;
        }
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ManagedTypes.class.getClassLoader();
    }

    /** Prepares the node side of the run-time registrations whose class this JVM has. */
    private static void bind(List<ManagedType<?>> types) {
        Map<Class<?>, Class<?>> byApi = new LinkedHashMap<>();
        for (ManagedType<?> t : types) {
            if (t instanceof DynamicManagedType d && d.type() != null) {
                byApi.put(d.api(), d.type());
            }
        }
        for (ManagedType<?> t : types) {
            if (t instanceof DynamicManagedType d && d.type() != null) {
                d.bind(byApi);
            }
        }
    }

    /**
     * Registers the records and enums of managed signatures with a codec registry.
     *
     * @param registry the registry
     * @param types the managed types
     */
    public static void registerValueTypes(TypeRegistry registry, List<ManagedType<?>> types) {
        for (ManagedType<?> t : types) {
            t.valueTypes().forEach(registry::register);
        }
    }

    /**
     * Returns the options that pass run-time registrations to a spawned child.
     *
     * @param settings the parent's settings
     * @return option keys and values
     */
    public static Map<String, String> childOptions(ManagerSettings settings) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ManagedRegistration r : settings.managed()) {
            m.put(OPTION_PREFIX + r.type().getName(), r.api().getName());
        }
        return m;
    }

    /**
     * Finds the managed type of a class.
     *
     * @param managedClass the class
     * @return its type
     * @throws IllegalArgumentException if the class is not managed in this JVM
     */
    public static ManagedType<?> forClass(Class<?> managedClass) {
        ManagedType<?> t = BY_CLASS.get(managedClass);
        if (t == null) {
            t = BY_NAME.get(managedClass.getName());
        }
        if (t != null) {
            return t;
        }
        if (managedClass.isAnnotationPresent(Managed.class)) {
            throw new IllegalArgumentException(managedClass.getName() + " is @Managed, but its generated "
                    + managedClass.getSimpleName() + "_ManagedType is not on the class path: compile it with"
                    + " dev.steward:steward-annotation-processor in maven-compiler-plugin's"
                    + " annotationProcessorPaths");
        }
        throw new IllegalArgumentException(managedClass.getName() + " is not a managed class: annotate it"
                + " @Managed, or register it with Manager.builder().registerManaged(" + managedClass.getSimpleName()
                + ".class, SomeInterface.class)");
    }

    /**
     * Tells whether a class is managed (annotated, or registered at run time in this JVM).
     *
     * @param c the class
     * @return {@code true} if it is
     */
    public static boolean isManaged(Class<?> c) {
        return BY_CLASS.containsKey(c) || c.isAnnotationPresent(Managed.class);
    }
}
