package dev.steward.runtime.codec;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Fits a decoded value to a declared type. Collections travel as plain lists, sets and maps, so a
 * record component or method parameter declared as {@code TreeMap}, {@code LinkedList} or {@code
 * Period[]} gets a copy of the decoded value in the declared shape.
 */
public final class Coercion {
    private Coercion() {}

    /**
     * Fits a value to a type.
     *
     * @param value the decoded value
     * @param target the declared type
     * @return the value itself if it fits, else a copy in the declared shape, else the value
     *     unchanged (the caller reports the mismatch)
     */
    public static Object coerce(Object value, Class<?> target) {
        if (value == null || target.isPrimitive() || target.isInstance(value)) {
            return value;
        }
        if (value instanceof Map<?, ?> map && Map.class.isAssignableFrom(target)) {
            Map<Object, Object> copy = newMap(target);
            if (copy != null) {
                copy.putAll(map);
                return copy;
            }
        } else if (value instanceof Collection<?> items && Collection.class.isAssignableFrom(target)) {
            Collection<Object> copy = newCollection(target);
            if (copy != null) {
                copy.addAll(items);
                return copy;
            }
        } else if (target.isArray()
                && value.getClass().isArray()
                && !value.getClass().getComponentType().isPrimitive()) {
            Object[] items = (Object[]) value;
            Class<?> component = target.getComponentType();
            Object array = Array.newInstance(component, items.length);
            for (int i = 0; i < items.length; i++) {
                Object item = coerce(items[i], component);
                if (item != null && !(component.isPrimitive() || component.isInstance(item))) {
                    return value;
                }
                Array.set(array, i, item);
            }
            return array;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> newMap(Class<?> target) {
        if (target.isInterface() || Modifier.isAbstract(target.getModifiers())) {
            if (target.isAssignableFrom(TreeMap.class) && (SortedMap.class.isAssignableFrom(target))) {
                return new TreeMap<>();
            }
            if (target == NavigableMap.class) {
                return new TreeMap<>();
            }
            if (target.isAssignableFrom(ConcurrentHashMap.class) && ConcurrentMap.class.isAssignableFrom(target)) {
                return new ConcurrentHashMap<>();
            }
            return target.isAssignableFrom(LinkedHashMap.class) ? new LinkedHashMap<>() : null;
        }
        return (Map<Object, Object>) instantiate(target);
    }

    @SuppressWarnings("unchecked")
    private static Collection<Object> newCollection(Class<?> target) {
        if (target.isInterface() || Modifier.isAbstract(target.getModifiers())) {
            if (target == SortedSet.class || target == NavigableSet.class) {
                return new TreeSet<>();
            }
            if (target == BlockingQueue.class) {
                return new LinkedBlockingQueue<>();
            }
            if (target == Queue.class || target == Deque.class) {
                return new ArrayDeque<>();
            }
            if (target.isAssignableFrom(ArrayList.class) && List.class.isAssignableFrom(target)) {
                return new ArrayList<>();
            }
            if (target.isAssignableFrom(LinkedHashSet.class) && Set.class.isAssignableFrom(target)) {
                return new LinkedHashSet<>();
            }
            return null;
        }
        return (Collection<Object>) instantiate(target);
    }

    private static Object instantiate(Class<?> type) {
        try {
            Constructor<?> c = type.getConstructor();
            return c.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
