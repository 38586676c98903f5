package dev.steward.runtime.managed;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the records and enums a signature mentions, through collections, arrays and records. */
final class ValueTypes {
    private final Set<Class<?>> found = new LinkedHashSet<>();

    void visit(Type t) {
        if (t instanceof Class<?> c) {
            if (c.isArray()) {
                visit(c.getComponentType());
            } else if ((c.isRecord() || c.isEnum()) && found.add(c) && c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    visit(rc.getGenericType());
                }
            }
        } else if (t instanceof ParameterizedType p) {
            visit(p.getRawType());
            for (Type a : p.getActualTypeArguments()) {
                visit(a);
            }
        } else if (t instanceof GenericArrayType g) {
            visit(g.getGenericComponentType());
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                visit(b);
            }
        }
    }

    List<Class<?>> list() {
        return new ArrayList<>(found);
    }
}
