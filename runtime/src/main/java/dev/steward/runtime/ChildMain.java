package dev.steward.runtime;

import dev.steward.Manager;
import dev.steward.runtime.client.ClientConnection;
import dev.steward.runtime.codec.Ref;
import dev.steward.runtime.codec.References;
import dev.steward.runtime.process.Bootstrap;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The entry point of a JVM started by {@link Manager#spawn}: reads the bootstrap from standard
 * input, connects to the node, takes over the references among the arguments, and calls the user's
 * {@code main}. Exit code 0 when it returns, 1 when it throws, 2 when it cannot start.
 *
 * <p>Command line: {@code ChildMain <main class> <parent pid>}. The child ends when its parent
 * process ends.
 */
public final class ChildMain {
    private ChildMain() {}

    /**
     * Runs the child.
     *
     * @param argv the main class name and the parent's pid
     */
    public static void main(String[] argv) {
        System.exit(run(argv));
    }

    private static int run(String[] argv) {
        if (argv.length < 1) {
            System.err.println("usage: ChildMain <main class> [parent pid]; started by Manager.spawn");
            return 2;
        }
        if (argv.length > 1) {
            watchParent(Long.parseLong(argv[1]));
        }
        Bootstrap boot;
        Class<?> mainClass;
        try {
            boot = Bootstrap.readFrom(System.in);
            mainClass = Class.forName(argv[0], true, Thread.currentThread().getContextClassLoader());
        } catch (Exception e) {
            System.err.println("steward: the child process could not start: " + e);
            return 2;
        }
        Manager.Builder builder = Manager.builder()
                .address(boot.address())
                .authKey(boot.authKey())
                .name(boot.name());
        for (String type : boot.typeNames()) {
            try {
                builder.register(Class.forName(type, false, mainClass.getClassLoader()));
            } catch (ClassNotFoundException | IllegalArgumentException e) {
                // the parent registered a type this class path lacks; values of it will fail clearly
            }
        }
        boot.packages().forEach(builder::allowPackage);
        for (Map.Entry<String, String> e : boot.settings().entrySet()) {
            if (e.getKey().equals("steward.maxFrameBytes")) {
                builder.maxFrameBytes(Integer.parseInt(e.getValue()));
            } else {
                builder.option(e.getKey(), e.getValue());
            }
        }
        try (Manager manager = builder.connect()) {
            ClientConnection connection = ((ManagerImpl) manager).connection();
            Object[] args = Bootstrap.decodeArgs(boot.args(), connection.registry(), new References() {
                @Override
                public Ref refOf(Object value) {
                    return null;
                }

                @Override
                public Object resolve(Ref ref) {
                    return connection.proxies().adopt(List.of(ref)).get(0);
                }
            });
            return invoke(mainClass, manager, args);
        } catch (RuntimeException e) {
            System.err.println("steward: the child process " + boot.name() + " failed:");
            e.printStackTrace();
            return 1;
        }
    }

    private static int invoke(Class<?> mainClass, Manager manager, Object[] args) {
        Method entry = null;
        Object[] actual = null;
        for (Method m : mainClass.getMethods()) {
            if (!m.getName().equals("main") || !Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Class<?>[] params = m.getParameterTypes();
            if (params.length == args.length + 1 && params[0] == Manager.class && accepts(params, 1, args)) {
                Object[] withManager = new Object[args.length + 1];
                withManager[0] = manager;
                System.arraycopy(args, 0, withManager, 1, args.length);
                entry = m;
                actual = withManager;
                break;
            }
            boolean stringMain = params.length == 1 && params[0] == String[].class;
            if (!stringMain && params.length == args.length && accepts(params, 0, args)) {
                entry = m;
                actual = args;
            }
        }
        if (entry == null && Arrays.stream(args).allMatch(a -> a instanceof String)) {
            try {
                entry = mainClass.getMethod("main", String[].class);
                actual = new Object[] {Arrays.copyOf(args, args.length, String[].class)};
            } catch (NoSuchMethodException e) {
                entry = null;
            }
        }
        if (entry == null) {
            String types = Arrays.stream(args)
                    .map(a -> a == null ? "null" : a.getClass().getSimpleName())
                    .collect(Collectors.joining(", "));
            System.err.println("steward: " + mainClass.getName() + " has no public static main method that accepts ("
                    + types + "), with or without a leading Manager parameter");
            return 2;
        }
        try {
            entry.invoke(null, actual);
            return 0;
        } catch (InvocationTargetException e) {
            System.err.println("steward: " + mainClass.getName() + ".main threw:");
            e.getCause().printStackTrace();
            return 1;
        } catch (IllegalAccessException e) {
            System.err.println("steward: cannot call " + entry + ": " + e);
            return 2;
        }
    }

    private static boolean accepts(Class<?>[] params, int from, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            Class<?> p = wrap(params[from + i]);
            if (args[i] == null ? params[from + i].isPrimitive() : !p.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> wrap(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        List<Class<?>> prim = List.of(
                int.class, long.class, double.class, float.class, boolean.class, short.class, byte.class, char.class);
        List<Class<?>> box = new ArrayList<>(List.of(
                Integer.class,
                Long.class,
                Double.class,
                Float.class,
                Boolean.class,
                Short.class,
                Byte.class,
                Character.class));
        return box.get(prim.indexOf(c));
    }

    /** A child ends when its parent does, like a daemon process in Python. */
    private static void watchParent(long parentPid) {
        ProcessHandle.of(parentPid)
                .ifPresentOrElse(
                        parent -> parent.onExit().thenRun(() -> {
                            System.err.println("steward: the parent process " + parentPid + " ended; exiting");
                            Runtime.getRuntime().halt(3);
                        }),
                        () -> Runtime.getRuntime().halt(3));
    }
}
