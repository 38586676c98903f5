package dev.steward.runtime.codec;

import dev.steward.ProtocolException;
import dev.steward.TypeAdapter;
import dev.steward.UnregisteredTypeException;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ByteBufferInput;

/**
 * Decodes one frame at a time. Not thread-safe: take one from {@link CodecPool} per frame. Every
 * malformed input becomes a {@link ProtocolException}; nothing in a frame can make the decoder
 * allocate much more than the frame's size, recurse without bound, or load a class.
 */
public final class Decoder {
    private static final Map<String, Class<?>> WELL_KNOWN_COMPONENTS = wellKnownComponents();

    private final ByteBufferInput input = new ByteBufferInput(ByteBuffer.allocate(0));
    private final MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(input);
    private final ByteBuffer scratch = ByteBuffer.allocate(64);
    private TypeRegistry registry;
    private References references = References.NONE;
    private boolean opaque;
    private int frameSize;
    private byte[] heapCopy = new byte[0];

    Decoder() {}

    /**
     * Starts decoding a frame.
     *
     * @param frame the frame, from its position to its limit
     * @param registry the types this side may receive
     * @param references how references become local values
     * @param opaque {@code true} to keep unknown records, enums and adapted values as {@link
     *     OpaqueValue}s (the node's built-in objects), {@code false} to reject them
     * @return this decoder
     */
    public Decoder begin(ByteBuffer frame, TypeRegistry registry, References references, boolean opaque) {
        this.registry = registry;
        this.references = references;
        this.opaque = opaque;
        this.frameSize = frame.remaining();
        ByteBuffer source = frame.slice();
        if (!source.hasArray() || source.isReadOnly()) {
            // MessagePack reads heap buffers directly; transports hand over direct ones
            if (heapCopy.length < frameSize) {
                heapCopy = new byte[Math.max(frameSize, Math.min(2 * heapCopy.length, 1 << 20))];
            }
            source.get(heapCopy, 0, frameSize);
            source = ByteBuffer.wrap(heapCopy, 0, frameSize).slice();
        }
        try {
            input.reset(source);
            unpacker.reset(input);
        } catch (IOException e) {
            throw new ProtocolException("cannot read frame: " + e);
        }
        return this;
    }

    /**
     * Switches how references and unknown types are decoded for the rest of the frame.
     *
     * @param newReferences how references become local values
     * @param keepOpaque whether unknown types stay opaque
     */
    public void mode(References newReferences, boolean keepOpaque) {
        this.references = newReferences;
        this.opaque = keepOpaque;
    }

    /**
     * Returns the unpacker, for message headers.
     *
     * @return the unpacker
     */
    public MessageUnpacker unpacker() {
        return unpacker;
    }

    /**
     * Reads an array header.
     *
     * @return the element count
     */
    public int readArrayHeader() {
        try {
            int n = unpacker.unpackArrayHeader();
            checkCount(n);
            return n;
        } catch (IOException | MessagePackException e) {
            throw malformed(e);
        }
    }

    /**
     * Reads an integer field.
     *
     * @return the integer
     */
    public long readLong() {
        try {
            return unpacker.unpackLong();
        } catch (IOException | MessagePackException e) {
            throw malformed(e);
        }
    }

    /**
     * Reads an int field.
     *
     * @return the int
     */
    public int readInt() {
        try {
            return unpacker.unpackInt();
        } catch (IOException | MessagePackException e) {
            throw malformed(e);
        }
    }

    /**
     * Reads a string field, or {@code null} for nil.
     *
     * @return the string
     */
    public String readString() {
        try {
            if (unpacker.getNextFormat() == MessageFormat.NIL) {
                unpacker.unpackNil();
                return null;
            }
            return unpacker.unpackString();
        } catch (IOException | MessagePackException e) {
            throw malformed(e);
        }
    }

    /**
     * Reads a binary field.
     *
     * @return the bytes
     */
    public byte[] readBinary() {
        try {
            int n = unpacker.unpackBinaryHeader();
            checkCount(n);
            return unpacker.readPayload(n);
        } catch (IOException | MessagePackException e) {
            throw malformed(e);
        }
    }

    /**
     * Tells whether the frame has more data.
     *
     * @return {@code true} if something is left to read
     */
    public boolean hasNext() {
        try {
            return unpacker.hasNext();
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /**
     * Tells whether the next value is nil, without reading it.
     *
     * @return {@code true} for nil
     */
    public boolean unpackerNextIsNil() {
        try {
            return unpacker.getNextFormat() == MessageFormat.NIL;
        } catch (IOException | MessagePackException e) {
            throw malformed(e);
        }
    }

    /** Skips one value. */
    public void skip() {
        try {
            unpacker.skipValue();
        } catch (IOException | MessagePackException e) {
            throw malformed(e);
        }
    }

    /**
     * Reads one value.
     *
     * @return the value
     * @throws ProtocolException if the bytes are not a valid value
     * @throws UnregisteredTypeException if the value names a type this side may not receive
     */
    public Object readValue() {
        try {
            return read(0);
        } catch (IOException | MessagePackException | ArithmeticException | DateTimeException e) {
            throw malformed(e);
        }
    }

    private Object read(int depth) throws IOException {
        MessageFormat f = unpacker.getNextFormat();
        switch (f.getValueType()) {
            case NIL:
                unpacker.unpackNil();
                return null;
            case BOOLEAN:
                return unpacker.unpackBoolean();
            case INTEGER:
                if (f == MessageFormat.UINT64) {
                    BigInteger big = unpacker.unpackBigInteger();
                    return big.bitLength() < 64 ? (Object) big.longValue() : big;
                }
                long l = unpacker.unpackLong();
                return l == (int) l ? (Object) (int) l : (Object) l;
            case FLOAT:
                return f == MessageFormat.FLOAT32 ? (Object) unpacker.unpackFloat() : (Object) unpacker.unpackDouble();
            case STRING:
                return unpacker.unpackString();
            case BINARY:
                int n = unpacker.unpackBinaryHeader();
                checkCount(n);
                return unpacker.readPayload(n);
            case ARRAY:
                return readArray(depth);
            case MAP:
                return readMap(depth);
            case EXTENSION:
                ExtensionTypeHeader h = unpacker.unpackExtensionTypeHeader();
                if (h.getType() >= Ext.FIRST_MARKER) {
                    throw new ProtocolException("malformed frame: type marker " + h.getType() + " outside an array");
                }
                return readScalar(h);
            default:
                throw new ProtocolException("malformed frame: unexpected " + f);
        }
    }

    private Object readArray(int depth) throws IOException {
        checkDepth(depth);
        int n = unpacker.unpackArrayHeader();
        checkCount(n);
        if (n == 0) {
            return new ArrayList<>(0);
        }
        List<Object> list;
        if (unpacker.getNextFormat().getValueType() == org.msgpack.value.ValueType.EXTENSION) {
            ExtensionTypeHeader h = unpacker.unpackExtensionTypeHeader();
            if (h.getType() >= Ext.FIRST_MARKER) {
                return readTagged(h, n - 1, depth);
            }
            list = new ArrayList<>(Math.min(n, 1024));
            list.add(readScalar(h));
        } else {
            list = new ArrayList<>(Math.min(n, 1024));
            list.add(read(depth + 1));
        }
        for (int i = 1; i < n; i++) {
            list.add(read(depth + 1));
        }
        return list;
    }

    private Map<Object, Object> readMap(int depth) throws IOException {
        checkDepth(depth);
        int n = unpacker.unpackMapHeader();
        checkCount(n);
        Map<Object, Object> map = new LinkedHashMap<>(Math.min(n, 1024) * 4 / 3 + 1);
        for (int i = 0; i < n; i++) {
            Object k = read(depth + 1);
            map.put(k, read(depth + 1));
        }
        return map;
    }

    private Object readTagged(ExtensionTypeHeader h, int followers, int depth) throws IOException {
        byte type = h.getType();
        if (type == Ext.SET) {
            if (h.getLength() != 0) {
                throw new ProtocolException("malformed frame: set marker with a payload");
            }
            Set<Object> set = new LinkedHashSet<>(Math.min(followers, 1024) * 4 / 3 + 1);
            for (int i = 0; i < followers; i++) {
                set.add(read(depth + 1));
            }
            return set;
        }
        String name = readName(h);
        switch (type) {
            case Ext.REFERENCE:
                expect(followers, 1, "reference");
                return references.resolve(new Ref(unpacker.unpackLong(), name));
            case Ext.ENUM:
                expect(followers, 1, "enum");
                return readEnum(name, unpacker.unpackString());
            case Ext.RECORD:
                return readRecord(name, followers, depth);
            case Ext.ADAPTED:
                expect(followers, 1, "adapted value");
                return readAdapted(name, depth);
            case Ext.OBJECT_ARRAY:
                return readObjectArray(name, followers, depth);
            default:
                throw new ProtocolException("malformed frame: unknown type marker " + type);
        }
    }

    private Object readEnum(String name, String constant) {
        Class<?> type = registry.resolve(name);
        if (type == null || !type.isEnum()) {
            if (opaque) {
                return new OpaqueValue(Ext.ENUM, name, new Object[] {constant});
            }
            throw unregistered(name, "enum");
        }
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(constant)) {
                return c;
            }
        }
        throw new ProtocolException("enum " + name + " has no constant " + constant
                + " in this JVM (are both sides built from the same version?)");
    }

    /** Reads n values without trusting n for an allocation: the list grows as values arrive. */
    private Object[] readParts(int n, int depth) throws IOException {
        checkCount(n);
        List<Object> parts = new ArrayList<>(Math.min(n, 64));
        for (int i = 0; i < n; i++) {
            parts.add(read(depth + 1));
        }
        return parts.toArray();
    }

    private Object readRecord(String name, int followers, int depth) throws IOException {
        Object[] parts = readParts(followers, depth);
        Class<?> type = registry.resolve(name);
        if (type == null || !type.isRecord()) {
            if (opaque) {
                return new OpaqueValue(Ext.RECORD, name, parts);
            }
            throw unregistered(name, "record");
        }
        TypeRegistry.RecordShape shape = registry.shape(type);
        if (shape.accessors.length != followers) {
            throw new ProtocolException("record " + name + " arrived with " + followers + " components, but has "
                    + shape.accessors.length + " in this JVM (are both sides built from the same version?)");
        }
        for (int i = 0; i < parts.length; i++) {
            parts[i] = Coercion.coerce(parts[i], shape.types[i]);
        }
        try {
            return shape.constructor.newInstance(parts);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("record " + name + " arrived with components of the wrong types: " + e);
        } catch (InvocationTargetException e) {
            throw new ProtocolException(
                    "record " + name + "'s constructor rejected the values that arrived: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ProtocolException("cannot construct record " + name + ": " + e);
        }
    }

    @SuppressWarnings("unchecked")
    private Object readAdapted(String name, int depth) throws IOException {
        Object wire = read(depth + 1);
        TypeAdapter<?> adapter = registry.adapterNamed(name);
        if (adapter == null) {
            if (opaque) {
                return new OpaqueValue(Ext.ADAPTED, name, new Object[] {wire});
            }
            throw new UnregisteredTypeException(
                    name,
                    "received a value of adapted type '" + name + "', but this JVM has no TypeAdapter with that"
                            + " wire name: register the same adapter here (Manager.builder().register(adapter))");
        }
        try {
            return ((TypeAdapter<Object>) adapter).fromWire(wire);
        } catch (RuntimeException e) {
            throw new ProtocolException("TypeAdapter " + adapter + " could not read the value that arrived: " + e);
        }
    }

    private Class<?> resolveComponent(String name) {
        Class<?> known = WELL_KNOWN_COMPONENTS.get(name);
        if (known != null) {
            return known;
        }
        if (name.startsWith("[")) {
            // an array of arrays: "[I", "[Ljava.lang.String;", "[[D", ...
            String inner = name.substring(1);
            Class<?> element = PRIMITIVE_DESCRIPTORS.get(inner);
            if (element == null && inner.startsWith("[")) {
                element = resolveComponent(inner);
            } else if (element == null && inner.startsWith("L") && inner.endsWith(";")) {
                element = resolveComponent(inner.substring(1, inner.length() - 1));
            }
            return element == null ? null : element.arrayType();
        }
        return registry.resolve(name);
    }

    private Object readObjectArray(String componentName, int followers, int depth) throws IOException {
        Class<?> component = resolveComponent(componentName);
        Object[] parts = readParts(followers, depth);
        if (component == null) {
            return opaque ? new OpaqueValue(Ext.OBJECT_ARRAY, componentName, parts) : parts;
        }
        Object array = Array.newInstance(component, followers);
        for (int i = 0; i < followers; i++) {
            try {
                Array.set(array, i, Coercion.coerce(parts[i], component));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("element " + i + " of a " + componentName + "[] is a "
                        + (parts[i] == null ? "null" : parts[i].getClass().getName()));
            }
        }
        return array;
    }

    private Object readScalar(ExtensionTypeHeader h) throws IOException {
        int len = h.getLength();
        checkCount(len);
        switch (h.getType()) {
            case Ext.LONG:
                return payload(len, 8).getLong();
            case Ext.SHORT:
                return payload(len, 2).getShort();
            case Ext.BYTE:
                return payload(len, 1).get();
            case Ext.CHAR:
                return payload(len, 2).getChar();
            case Ext.UUID:
                ByteBuffer u = payload(len, 16);
                return new UUID(u.getLong(), u.getLong());
            case Ext.BIG_INTEGER:
                if (len == 0) {
                    throw new ProtocolException("malformed frame: empty BigInteger");
                }
                return new BigInteger(unpacker.readPayload(len));
            case Ext.BIG_DECIMAL:
                if (len < 5) {
                    throw new ProtocolException("malformed frame: BigDecimal of " + len + " bytes");
                }
                byte[] d = unpacker.readPayload(len);
                int scale = ByteBuffer.wrap(d, 0, 4).getInt();
                return new BigDecimal(new BigInteger(d, 4, len - 4), scale);
            case Ext.INSTANT:
                ByteBuffer i = payload(len, 12);
                return Instant.ofEpochSecond(i.getLong(), i.getInt());
            case Ext.DURATION:
                ByteBuffer du = payload(len, 12);
                return Duration.ofSeconds(du.getLong(), du.getInt());
            case Ext.LOCAL_DATE:
                return LocalDate.ofEpochDay(payload(len, 8).getLong());
            case Ext.LOCAL_TIME:
                return LocalTime.ofNanoOfDay(payload(len, 8).getLong());
            case Ext.LOCAL_DATE_TIME:
                ByteBuffer ldt = payload(len, 16);
                return LocalDateTime.of(LocalDate.ofEpochDay(ldt.getLong()), LocalTime.ofNanoOfDay(ldt.getLong()));
            case Ext.OFFSET_DATE_TIME:
                ByteBuffer odt = payload(len, 20);
                return OffsetDateTime.of(
                        LocalDate.ofEpochDay(odt.getLong()),
                        LocalTime.ofNanoOfDay(odt.getLong()),
                        ZoneOffset.ofTotalSeconds(odt.getInt()));
            case Ext.ZONED_DATE_TIME:
                if (len < 21) {
                    throw new ProtocolException("malformed frame: ZonedDateTime of " + len + " bytes");
                }
                ByteBuffer z = ByteBuffer.wrap(unpacker.readPayload(len));
                LocalDateTime local =
                        LocalDateTime.of(LocalDate.ofEpochDay(z.getLong()), LocalTime.ofNanoOfDay(z.getLong()));
                ZoneOffset offset = ZoneOffset.ofTotalSeconds(z.getInt());
                ZoneId zone = ZoneId.of(new String(z.array(), 20, len - 20, StandardCharsets.UTF_8));
                return ZonedDateTime.ofStrict(local, offset, zone);
            case Ext.ZONE_ID:
                return ZoneId.of(new String(unpacker.readPayload(len), StandardCharsets.UTF_8));
            case Ext.PERIOD:
                ByteBuffer p = payload(len, 12);
                return Period.of(p.getInt(), p.getInt(), p.getInt());
            case Ext.YEAR:
                return Year.of(payload(len, 4).getInt());
            case Ext.YEAR_MONTH:
                ByteBuffer ym = payload(len, 5);
                return YearMonth.of(ym.getInt(), ym.get());
            case Ext.MONTH_DAY:
                ByteBuffer md = payload(len, 2);
                return MonthDay.of(md.get(), md.get());
            case Ext.OFFSET_TIME:
                ByteBuffer ot = payload(len, 12);
                return OffsetTime.of(LocalTime.ofNanoOfDay(ot.getLong()), ZoneOffset.ofTotalSeconds(ot.getInt()));
            case Ext.INT_ARRAY:
                int[] ia = new int[elements(len, 4)];
                ByteBuffer.wrap(unpacker.readPayload(len)).asIntBuffer().get(ia);
                return ia;
            case Ext.LONG_ARRAY:
                long[] la = new long[elements(len, 8)];
                ByteBuffer.wrap(unpacker.readPayload(len)).asLongBuffer().get(la);
                return la;
            case Ext.DOUBLE_ARRAY:
                double[] da = new double[elements(len, 8)];
                ByteBuffer.wrap(unpacker.readPayload(len)).asDoubleBuffer().get(da);
                return da;
            case Ext.FLOAT_ARRAY:
                float[] fa = new float[elements(len, 4)];
                ByteBuffer.wrap(unpacker.readPayload(len)).asFloatBuffer().get(fa);
                return fa;
            case Ext.SHORT_ARRAY:
                short[] sa = new short[elements(len, 2)];
                ByteBuffer.wrap(unpacker.readPayload(len)).asShortBuffer().get(sa);
                return sa;
            case Ext.CHAR_ARRAY:
                char[] ca = new char[elements(len, 2)];
                ByteBuffer.wrap(unpacker.readPayload(len)).asCharBuffer().get(ca);
                return ca;
            case Ext.BOOLEAN_ARRAY:
                byte[] ba = unpacker.readPayload(len);
                boolean[] bools = new boolean[len];
                for (int k = 0; k < len; k++) {
                    bools[k] = ba[k] != 0;
                }
                return bools;
            default:
                throw new ProtocolException("malformed frame: unknown extension type " + h.getType());
        }
    }

    private ByteBuffer payload(int len, int expected) throws IOException {
        if (len != expected) {
            throw new ProtocolException(
                    "malformed frame: a value of " + len + " bytes where " + expected + " were expected");
        }
        scratch.clear();
        unpacker.readPayload(scratch.array(), 0, len);
        scratch.limit(len);
        return scratch;
    }

    private static int elements(int len, int width) {
        if (len % width != 0) {
            throw new ProtocolException("malformed frame: array payload of " + len + " bytes");
        }
        return len / width;
    }

    private String readName(ExtensionTypeHeader h) throws IOException {
        int len = h.getLength();
        if (len == 0 || len > TypeRegistry.MAX_NAME_BYTES) {
            throw new ProtocolException("malformed frame: type name of " + len + " bytes");
        }
        return new String(unpacker.readPayload(len), StandardCharsets.UTF_8);
    }

    private static void expect(int followers, int expected, String what) {
        if (followers != expected) {
            throw new ProtocolException("malformed frame: " + what + " with " + followers + " parts");
        }
    }

    /** A count can never exceed the bytes left in the frame: every element takes at least one. */
    private int checkCount(int n) {
        long left = frameSize - unpacker.getTotalReadBytes();
        if (n < 0 || n > left) {
            throw new ProtocolException(
                    "malformed frame: a length of " + n + " with " + left + " bytes left in the frame");
        }
        return n;
    }

    private static void checkDepth(int depth) {
        if (depth >= Encoder.MAX_DEPTH) {
            throw new ProtocolException("malformed frame: values nested more than " + Encoder.MAX_DEPTH + " deep");
        }
    }

    private UnregisteredTypeException unregistered(String name, String kind) {
        return new UnregisteredTypeException(
                name,
                "received a " + kind + " of type " + name + ", which this JVM has not registered. Steward loads no"
                        + " class because a message names it: register it with"
                        + " Manager.builder().register(" + name.substring(name.lastIndexOf('.') + 1)
                        + ".class) or allowPackage(\"" + packageOf(name) + "\") in this JVM");
    }

    private static String packageOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    private static ProtocolException malformed(Exception e) {
        return new ProtocolException("malformed frame: " + e.getMessage());
    }

    private static final Map<String, Class<?>> PRIMITIVE_DESCRIPTORS = Map.of(
            "Z",
            boolean.class,
            "B",
            byte.class,
            "C",
            char.class,
            "S",
            short.class,
            "I",
            int.class,
            "J",
            long.class,
            "F",
            float.class,
            "D",
            double.class);

    private static Map<String, Class<?>> wellKnownComponents() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (Class<?> c : new Class<?>[] {
            Object.class,
            String.class,
            Integer.class,
            Long.class,
            Double.class,
            Float.class,
            Short.class,
            Byte.class,
            Character.class,
            Boolean.class,
            BigInteger.class,
            BigDecimal.class,
            UUID.class,
            Instant.class,
            Duration.class,
            LocalDate.class,
            LocalTime.class,
            LocalDateTime.class,
            OffsetDateTime.class,
            ZonedDateTime.class,
            OffsetTime.class,
            Period.class,
            Year.class,
            YearMonth.class,
            MonthDay.class,
            ZoneId.class,
            ZoneOffset.class,
            Number.class,
            CharSequence.class,
            Comparable.class,
            java.util.Collection.class,
            List.class,
            Map.class,
            Set.class
        }) {
            m.put(c.getName(), c);
        }
        return Map.copyOf(m);
    }
}
