package dev.steward.runtime.client;

import dev.steward.Namespace;
import dev.steward.runtime.protocol.Ops.NamespaceOps;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The proxy of {@code steward.namespace}. */
final class NamespaceProxy extends AbstractProxy implements Namespace {
    private final Async async = new AsyncView();

    NamespaceProxy(ProxyHandle handle) {
        super(handle);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(String name) {
        return (T) call(NamespaceOps.GET, "get", name);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getOrDefault(String name, T defaultValue) {
        return (T) call(NamespaceOps.GET_OR_DEFAULT, "getOrDefault", name, defaultValue);
    }

    @Override
    public void set(String name, Object value) {
        call(NamespaceOps.SET, "set", name, value);
    }

    @Override
    public boolean delete(String name) {
        return callBoolean(NamespaceOps.DELETE, "delete", name);
    }

    @Override
    public boolean has(String name) {
        return callBoolean(NamespaceOps.HAS, "has", name);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<String> names() {
        return (Set<String>) call(NamespaceOps.NAMES, "names");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> snapshot() {
        return (Map<String, Object>) call(NamespaceOps.SNAPSHOT, "snapshot");
    }

    @Override
    public long addAndGet(String name, long delta) {
        return callLong(NamespaceOps.ADD_AND_GET, "addAndGet", name, delta);
    }

    @Override
    public boolean compareAndSet(String name, Object expected, Object value) {
        return callBoolean(NamespaceOps.COMPARE_AND_SET, "compareAndSet", name, expected, value);
    }

    @Override
    public <V> V view(Class<V> viewType) {
        if (!viewType.isInterface()) {
            throw new IllegalArgumentException(viewType.getName() + " is not an interface");
        }
        Map<Method, Accessor> accessors = new LinkedHashMap<>();
        for (Method m : viewType.getMethods()) {
            if (m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            accessors.put(m, Accessor.of(m));
        }
        Object view = Proxy.newProxyInstance(viewType.getClassLoader(), new Class<?>[] {viewType}, (p, m, args) -> {
            Accessor a = accessors.get(m);
            if (a != null) {
                return a.invoke(this, args);
            }
            switch (m.getName()) {
                case "toString":
                    return viewType.getSimpleName() + snapshot();
                case "hashCode":
                    return System.identityHashCode(p);
                case "equals":
                    return p == args[0];
                default:
                    if (m.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(p, m, args);
                    }
                    throw new UnsupportedOperationException(m.toString());
            }
        });
        return viewType.cast(view);
    }

    @Override
    public Async async() {
        return async;
    }

    @Override
    public String toString() {
        return showOrClosed(() -> "Namespace" + snapshot());
    }

    /** One getter or setter of a typed view. */
    private record Accessor(String attribute, boolean setter, Class<?> type) {
        static Accessor of(Method m) {
            String n = m.getName();
            int params = m.getParameterCount();
            if (params == 0 && m.getReturnType() != void.class) {
                if (n.startsWith("get") && n.length() > 3) {
                    return new Accessor(decapitalize(n.substring(3)), false, m.getReturnType());
                }
                if (n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class) {
                    return new Accessor(decapitalize(n.substring(2)), false, m.getReturnType());
                }
                return new Accessor(n, false, m.getReturnType());
            }
            if (params == 1 && (m.getReturnType() == void.class || m.getReturnType() == m.getDeclaringClass())) {
                String attr = n.startsWith("set") && n.length() > 3 ? decapitalize(n.substring(3)) : n;
                return new Accessor(attr, true, m.getParameterTypes()[0]);
            }
            throw new IllegalArgumentException(m + " is neither a getter (no parameters) nor a setter (one parameter)");
        }

        Object invoke(NamespaceProxy ns, Object[] args) {
            if (setter) {
                ns.set(attribute, args[0]);
                return null;
            }
            Object v = ns.getOrDefault(attribute, null);
            if (!type.isPrimitive()) {
                return v;
            }
            if (v == null) {
                throw new NoSuchElementException("the namespace has no attribute '" + attribute + "'");
            }
            return convert(v, type);
        }

        private static Object convert(Object v, Class<?> type) {
            if (type == boolean.class || type == char.class) {
                return v;
            }
            Number n = (Number) v;
            if (type == int.class) {
                return n.intValue();
            } else if (type == long.class) {
                return n.longValue();
            } else if (type == double.class) {
                return n.doubleValue();
            } else if (type == float.class) {
                return n.floatValue();
            } else if (type == short.class) {
                return n.shortValue();
            }
            return n.byteValue();
        }

        private static String decapitalize(String s) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
    }

    private final class AsyncView implements Async {
        @Override
        public <T> CompletableFuture<T> get(String name) {
            return async(NamespaceOps.GET, "get", name);
        }

        @Override
        public CompletableFuture<Void> set(String name, Object value) {
            return async(NamespaceOps.SET, "set", name, value);
        }

        @Override
        public CompletableFuture<Boolean> delete(String name) {
            return async(NamespaceOps.DELETE, "delete", name);
        }

        @Override
        public CompletableFuture<Long> addAndGet(String name, long delta) {
            return asyncLong(NamespaceOps.ADD_AND_GET, "addAndGet", name, delta);
        }

        @Override
        public CompletableFuture<Map<String, Object>> snapshot() {
            return async(NamespaceOps.SNAPSHOT, "snapshot");
        }
    }
}
