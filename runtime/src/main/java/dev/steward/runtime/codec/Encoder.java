package dev.steward.runtime.codec;

import dev.steward.NotSendableException;
import dev.steward.TypeAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Encodes one frame at a time into a reusable buffer. Not thread-safe: take one from {@link
 * CodecPool} per frame. Protocol code writes message headers through {@link #packer()} and values
 * through {@link #writeValue(Object, String)}.
 */
public final class Encoder {
    static final int MAX_DEPTH = 128;

    private final GrowableOutput out = new GrowableOutput(1024);
    private MessagePacker packer = MessagePack.newDefaultPacker(out);
    /** Set while a frame is being written; still set at the next begin() if that frame failed. */
    private boolean writing;

    private final ByteBuffer scratch = ByteBuffer.allocate(64);
    private TypeRegistry registry;
    private References references = References.NONE;

    Encoder() {}

    /**
     * Starts a new frame.
     *
     * @param registry the types this side knows; records and enums it sends are added
     * @param references how shared objects become references
     * @return this encoder
     */
    public Encoder begin(TypeRegistry registry, References references) {
        this.registry = registry;
        this.references = references;
        if (writing) {
            // the last frame failed half-way: its bytes may still sit in the packer's buffer
            packer = MessagePack.newDefaultPacker(out);
        }
        out.clear();
        writing = true;
        return this;
    }

    /**
     * Returns the packer, for message headers.
     *
     * @return the packer
     */
    public MessagePacker packer() {
        return packer;
    }

    /**
     * Finishes the frame.
     *
     * @return a view of the encoded bytes, valid until this encoder is used again
     */
    public ByteBuffer frame() {
        flush();
        return out.view();
    }

    /**
     * Finishes the frame into an array the caller owns.
     *
     * @return a copy of the encoded bytes
     */
    public byte[] toByteArray() {
        flush();
        return out.toByteArray();
    }

    /**
     * Returns the encoded size so far.
     *
     * @return bytes
     */
    public int size() {
        flush();
        return out.size();
    }

    private void flush() {
        writing = false;
        try {
            packer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one value.
     *
     * @param value the value
     * @param label what the value is, for error messages (such as {@code "argument 0"})
     * @throws NotSendableException if the value, or anything in it, cannot be sent
     */
    public void writeValue(Object value, String label) {
        try {
            write(value, 0);
        } catch (Unsendable e) {
            throw new NotSendableException("cannot send " + label + e.path() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finds the reference of a shared object; a refusal becomes part of the path's message. */
    private Ref refOf(Object v) {
        try {
            return references.refOf(v);
        } catch (NotSendableException e) {
            throw new Unsendable(e.getMessage());
        }
    }

    /**
     * Writes a string, or nil for {@code null}.
     *
     * @param s the string
     */
    public void writeString(String s) {
        try {
            if (s == null) {
                packer.packNil();
            } else {
                packer.packString(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Object v, int depth) throws IOException {
        if (v == null) {
            packer.packNil();
            return;
        }
        Class<?> c = v.getClass();
        if (c == String.class) {
            packer.packString((String) v);
        } else if (c == Integer.class) {
            packer.packInt((Integer) v);
        } else if (c == Long.class) {
            scratch.clear();
            fixed(Ext.LONG, scratch.putLong((Long) v));
        } else if (c == Boolean.class) {
            packer.packBoolean((Boolean) v);
        } else if (c == Double.class) {
            packer.packDouble((Double) v);
        } else if (c == Float.class) {
            packer.packFloat((Float) v);
        } else if (c == byte[].class) {
            byte[] b = (byte[]) v;
            packer.packBinaryHeader(b.length);
            packer.writePayload(b);
        } else if (c == Short.class) {
            scratch.clear();
            fixed(Ext.SHORT, scratch.putShort((Short) v));
        } else if (c == Byte.class) {
            scratch.clear();
            fixed(Ext.BYTE, scratch.put((Byte) v));
        } else if (c == Character.class) {
            scratch.clear();
            fixed(Ext.CHAR, scratch.putChar((Character) v));
        } else {
            writeComplex(v, c, depth);
        }
    }

    private void writeComplex(Object v, Class<?> c, int depth) throws IOException {
        if (depth >= MAX_DEPTH) {
            throw new Unsendable("nested more than " + MAX_DEPTH + " levels deep (does it contain itself?)");
        }
        Ref ref = refOf(v);
        TypeAdapter<?> adapter;
        if (ref != null) {
            marker(Ext.REFERENCE, ref.typeName(), 1);
            packer.packLong(ref.objectId());
        } else if (registry.hasAdapters() && (adapter = registry.adapterFor(c)) != null) {
            writeAdapted(adapter, v, c, depth);
        } else if (v instanceof List<?> list) {
            writeElements(list, list.size(), depth, "element ");
        } else if (v instanceof Map<?, ?> map) {
            writeMap(map, depth);
        } else if (v instanceof Set<?> set) {
            writeSet(set, depth);
        } else if (c.isRecord()) {
            writeRecord(v, c, depth);
        } else if (v instanceof Enum<?> e) {
            Class<?> type = e.getDeclaringClass();
            registry.noteSent(type);
            marker(Ext.ENUM, type.getName(), 1);
            packer.packString(e.name());
        } else if (c.isArray()) {
            writeArray(v, c, depth);
        } else if (!writeScalar(v, c)) {
            writeOther(v, c, depth);
        }
    }

    private void writeAdapted(TypeAdapter<?> adapter, Object v, Class<?> c, int depth) throws IOException {
        Object wire = adapt(adapter, v);
        marker(Ext.ADAPTED, adapter.wireName(), 1);
        try {
            write(wire, depth + 1);
        } catch (Unsendable e) {
            throw e.at(" -> adapted form of " + c.getName());
        }
    }

    private void writeOther(Object v, Class<?> c, int depth) throws IOException {
        if (v instanceof Collection<?> collection) {
            writeElements(collection, collection.size(), depth, "element ");
        } else if (v instanceof OpaqueValue opaque) {
            marker(opaque.kind(), opaque.typeName(), opaque.rawParts().length);
            for (Object part : opaque.rawParts()) {
                write(part, depth + 1);
            }
        } else {
            throw new Unsendable(c.getName() + " is not a type Steward can send. Send records, enums, JDK value"
                    + " types, collections of them or shared objects; for other types register a TypeAdapter"
                    + " (Manager.builder().register(TypeAdapter.of(...))) or make it @Managed");
        }
    }

    @SuppressWarnings("unchecked")
    private static Object adapt(TypeAdapter<?> adapter, Object v) {
        try {
            return ((TypeAdapter<Object>) adapter).toWire(v);
        } catch (RuntimeException e) {
            throw new Unsendable("its TypeAdapter " + adapter + " failed: " + e);
        }
    }

    private void writeElements(Iterable<?> items, int size, int depth, String what) throws IOException {
        if (!(items instanceof List<?>)) {
            // a concurrent collection may change size while we walk it: freeze it first
            items = freeze(items, size);
            size = ((List<?>) items).size();
        }
        packer.packArrayHeader(size);
        int i = 0;
        for (Object o : items) {
            if (i == size) {
                throw new Unsendable("the list changed size while it was being sent");
            }
            try {
                write(o, depth + 1);
            } catch (Unsendable e) {
                throw e.at(" -> " + what + i);
            }
            i++;
        }
        if (i != size) {
            throw new Unsendable("the list changed size while it was being sent");
        }
    }

    private static List<Object> freeze(Iterable<?> items, int size) {
        List<Object> copy = new ArrayList<>(size);
        try {
            for (Object o : items) {
                copy.add(o);
            }
        } catch (RuntimeException e) {
            throw new Unsendable("the collection changed while it was being sent (" + e + ")");
        }
        return copy;
    }

    private void writeSet(Set<?> set, int depth) throws IOException {
        List<Object> copy = freeze(set, set.size());
        packer.packArrayHeader(copy.size() + 1);
        packer.packExtensionTypeHeader(Ext.SET, 0);
        for (int i = 0; i < copy.size(); i++) {
            try {
                write(copy.get(i), depth + 1);
            } catch (Unsendable e) {
                throw e.at(" -> set element " + i);
            }
        }
    }

    private void writeMap(Map<?, ?> map, int depth) throws IOException {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.size());
        try {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                entries.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()));
            }
        } catch (RuntimeException e) {
            throw new Unsendable("the map changed while it was being sent (" + e + ")");
        }
        packer.packMapHeader(entries.size());
        for (Map.Entry<?, ?> e : entries) {
            try {
                write(e.getKey(), depth + 1);
            } catch (Unsendable ex) {
                throw ex.at(" -> map key " + describe(e.getKey()));
            }
            try {
                write(e.getValue(), depth + 1);
            } catch (Unsendable ex) {
                throw ex.at(" -> value of map key " + describe(e.getKey()));
            }
        }
    }

    private void writeRecord(Object v, Class<?> c, int depth) throws IOException {
        TypeRegistry.RecordShape shape = registry.shape(c);
        registry.noteSent(c);
        marker(Ext.RECORD, c.getName(), shape.accessors.length);
        for (int i = 0; i < shape.accessors.length; i++) {
            Object component;
            try {
                component = shape.accessors[i].invoke(v);
            } catch (ReflectiveOperationException e) {
                throw new Unsendable("reading component '" + shape.names[i] + "' failed: " + e);
            }
            try {
                write(component, depth + 1);
            } catch (Unsendable e) {
                throw e.at(" -> component '" + shape.names[i] + "' of record " + c.getName());
            }
        }
    }

    private void writeArray(Object v, Class<?> c, int depth) throws IOException {
        Class<?> component = c.getComponentType();
        if (!component.isPrimitive()) {
            Object[] items = (Object[]) v;
            marker(Ext.OBJECT_ARRAY, component.getName(), items.length);
            for (int i = 0; i < items.length; i++) {
                try {
                    write(items[i], depth + 1);
                } catch (Unsendable e) {
                    throw e.at(" -> array element " + i);
                }
            }
            return;
        }
        ByteBuffer b;
        byte type;
        if (component == int.class) {
            int[] a = (int[]) v;
            b = ByteBuffer.allocate(a.length * 4);
            b.asIntBuffer().put(a);
            type = Ext.INT_ARRAY;
        } else if (component == long.class) {
            long[] a = (long[]) v;
            b = ByteBuffer.allocate(a.length * 8);
            b.asLongBuffer().put(a);
            type = Ext.LONG_ARRAY;
        } else if (component == double.class) {
            double[] a = (double[]) v;
            b = ByteBuffer.allocate(a.length * 8);
            b.asDoubleBuffer().put(a);
            type = Ext.DOUBLE_ARRAY;
        } else if (component == float.class) {
            float[] a = (float[]) v;
            b = ByteBuffer.allocate(a.length * 4);
            b.asFloatBuffer().put(a);
            type = Ext.FLOAT_ARRAY;
        } else if (component == short.class) {
            short[] a = (short[]) v;
            b = ByteBuffer.allocate(a.length * 2);
            b.asShortBuffer().put(a);
            type = Ext.SHORT_ARRAY;
        } else if (component == char.class) {
            char[] a = (char[]) v;
            b = ByteBuffer.allocate(a.length * 2);
            b.asCharBuffer().put(a);
            type = Ext.CHAR_ARRAY;
        } else if (component == boolean.class) {
            boolean[] a = (boolean[]) v;
            b = ByteBuffer.allocate(a.length);
            for (boolean x : a) {
                b.put((byte) (x ? 1 : 0));
            }
            type = Ext.BOOLEAN_ARRAY;
        } else {
            throw new Unsendable("unexpected array type " + c.getName());
        }
        packer.packExtensionTypeHeader(type, b.capacity());
        packer.writePayload(b.array());
    }

    private boolean writeScalar(Object v, Class<?> c) throws IOException {
        ByteBuffer s = scratch;
        s.clear();
        if (c == UUID.class) {
            UUID u = (UUID) v;
            fixed(Ext.UUID, s.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()));
        } else if (c == BigInteger.class) {
            byte[] b = ((BigInteger) v).toByteArray();
            packer.packExtensionTypeHeader(Ext.BIG_INTEGER, b.length);
            packer.writePayload(b);
        } else if (c == BigDecimal.class) {
            BigDecimal d = (BigDecimal) v;
            byte[] b = d.unscaledValue().toByteArray();
            packer.packExtensionTypeHeader(Ext.BIG_DECIMAL, 4 + b.length);
            s.putInt(d.scale());
            packer.writePayload(s.array(), 0, 4);
            packer.writePayload(b);
        } else if (c == Instant.class) {
            Instant t = (Instant) v;
            fixed(Ext.INSTANT, s.putLong(t.getEpochSecond()).putInt(t.getNano()));
        } else if (c == Duration.class) {
            Duration d = (Duration) v;
            fixed(Ext.DURATION, s.putLong(d.getSeconds()).putInt(d.getNano()));
        } else if (c == LocalDate.class) {
            fixed(Ext.LOCAL_DATE, s.putLong(((LocalDate) v).toEpochDay()));
        } else if (c == LocalTime.class) {
            fixed(Ext.LOCAL_TIME, s.putLong(((LocalTime) v).toNanoOfDay()));
        } else if (c == LocalDateTime.class) {
            LocalDateTime t = (LocalDateTime) v;
            fixed(
                    Ext.LOCAL_DATE_TIME,
                    s.putLong(t.toLocalDate().toEpochDay())
                            .putLong(t.toLocalTime().toNanoOfDay()));
        } else if (c == OffsetDateTime.class) {
            OffsetDateTime t = (OffsetDateTime) v;
            fixed(
                    Ext.OFFSET_DATE_TIME,
                    s.putLong(t.toLocalDate().toEpochDay())
                            .putLong(t.toLocalTime().toNanoOfDay())
                            .putInt(t.getOffset().getTotalSeconds()));
        } else if (c == ZonedDateTime.class) {
            ZonedDateTime t = (ZonedDateTime) v;
            byte[] zone = t.getZone().getId().getBytes(StandardCharsets.UTF_8);
            s.putLong(t.toLocalDate().toEpochDay())
                    .putLong(t.toLocalTime().toNanoOfDay())
                    .putInt(t.getOffset().getTotalSeconds());
            packer.packExtensionTypeHeader(Ext.ZONED_DATE_TIME, 20 + zone.length);
            packer.writePayload(s.array(), 0, 20);
            packer.writePayload(zone);
        } else if (v instanceof ZoneId z) {
            byte[] id = z.getId().getBytes(StandardCharsets.UTF_8);
            packer.packExtensionTypeHeader(Ext.ZONE_ID, id.length);
            packer.writePayload(id);
        } else if (c == Period.class) {
            Period p = (Period) v;
            fixed(Ext.PERIOD, s.putInt(p.getYears()).putInt(p.getMonths()).putInt(p.getDays()));
        } else if (c == Year.class) {
            fixed(Ext.YEAR, s.putInt(((Year) v).getValue()));
        } else if (c == YearMonth.class) {
            YearMonth y = (YearMonth) v;
            fixed(Ext.YEAR_MONTH, s.putInt(y.getYear()).put((byte) y.getMonthValue()));
        } else if (c == MonthDay.class) {
            MonthDay m = (MonthDay) v;
            fixed(Ext.MONTH_DAY, s.put((byte) m.getMonthValue()).put((byte) m.getDayOfMonth()));
        } else if (c == OffsetTime.class) {
            OffsetTime t = (OffsetTime) v;
            fixed(
                    Ext.OFFSET_TIME,
                    s.putLong(t.toLocalTime().toNanoOfDay())
                            .putInt(t.getOffset().getTotalSeconds()));
        } else {
            return false;
        }
        return true;
    }

    private void fixed(byte type, ByteBuffer filled) throws IOException {
        int n = filled.position();
        packer.packExtensionTypeHeader(type, n);
        packer.writePayload(filled.array(), 0, n);
    }

    /** Names a map key in an error message without calling an arbitrary toString(). */
    private static String describe(Object key) {
        if (key instanceof String s) {
            return s.length() > 60 ? s.substring(0, 60) + "..." : s;
        }
        if (key instanceof Number || key instanceof Boolean || key instanceof Character || key instanceof Enum<?>) {
            return String.valueOf(key);
        }
        return key == null ? "null" : "(a " + key.getClass().getName() + ")";
    }

    private void marker(byte type, String name, int followers) throws IOException {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        packer.packArrayHeader(followers + 1);
        packer.packExtensionTypeHeader(type, b.length);
        packer.writePayload(b);
    }

    /** A value that cannot be sent, with the path to it collected on the way out. */
    private static final class Unsendable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final StringBuilder path = new StringBuilder();

        Unsendable(String message) {
            super(message, null, false, false);
        }

        Unsendable at(String segment) {
            path.insert(0, segment);
            return this;
        }

        String path() {
            return path.toString();
        }
    }
}
