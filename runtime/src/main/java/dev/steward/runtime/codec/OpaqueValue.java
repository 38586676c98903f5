package dev.steward.runtime.codec;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A record, enum or adapted value held by a node that does not know its type. The node never loads
 * the class a message names; it keeps the value's tag and parts, compares them structurally, and
 * sends them back exactly as they came, so clients that know the type get the real value.
 */
public final class OpaqueValue {
    private final byte kind;
    private final String typeName;
    private final Object[] parts;
    private int hash;

    OpaqueValue(byte kind, String typeName, Object[] parts) {
        this.kind = kind;
        this.typeName = typeName;
        this.parts = parts;
    }

    /**
     * Returns the type name the value was tagged with.
     *
     * @return a class name or an adapter's wire name
     */
    public String typeName() {
        return typeName;
    }

    /**
     * Returns the value's parts: record components, the enum constant's name, or the adapted form.
     *
     * @return an unmodifiable list
     */
    public List<Object> parts() {
        return Collections.unmodifiableList(Arrays.asList(parts));
    }

    byte kind() {
        return kind;
    }

    Object[] rawParts() {
        return parts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpaqueValue other
                && kind == other.kind
                && typeName.equals(other.typeName)
                && Arrays.deepEquals(parts, other.parts);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(kind, typeName) * 31 + Arrays.deepHashCode(parts);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        if (kind == Ext.ENUM) {
            return String.valueOf(parts[0]);
        }
        String simple = typeName.substring(typeName.lastIndexOf('.') + 1);
        StringBuilder b = new StringBuilder(simple).append('[');
        for (int i = 0; i < parts.length; i++) {
            b.append(i == 0 ? "" : ", ").append(parts[i]);
        }
        return b.append(']').toString();
    }
}
