package dev.steward.runtime.codec;

import static dev.steward.runtime.codec.CodecTestSupport.decode;
import static dev.steward.runtime.codec.CodecTestSupport.encode;
import static dev.steward.runtime.codec.CodecTestSupport.newRegistry;
import static dev.steward.runtime.codec.CodecTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.TypeAdapter;
import dev.steward.runtime.codec.Fixtures.Boxed;
import dev.steward.runtime.codec.Fixtures.Color;
import dev.steward.runtime.codec.Fixtures.Empty;
import dev.steward.runtime.codec.Fixtures.Line;
import dev.steward.runtime.codec.Fixtures.Money;
import dev.steward.runtime.codec.Fixtures.Op;
import dev.steward.runtime.codec.Fixtures.Person;
import dev.steward.runtime.codec.Fixtures.Point;
import dev.steward.runtime.codec.Fixtures.Primitives;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Collections, object arrays, records, enums and adapted values. */
class StructuredRoundTripTest {

    @Test
    void everyKindOfListComesBackAsArrayListWithEqualElements() {
        List<List<Object>> lists = List.of(
                List.of(),
                List.of(1, "two", 3L),
                new LinkedList<>(List.of('a', (short) 2)),
                Arrays.asList(1.5, null, 2.5f),
                Collections.unmodifiableList(new ArrayList<>(List.of(BigDecimal.TEN))),
                new CopyOnWriteArrayList<>(List.of(UUID.nameUUIDFromBytes(new byte[1]))),
                new ArrayList<Object>(List.of(1, 2, 3, 4, 5)).subList(1, 4));

        for (List<Object> list : lists) {
            Object back = roundTrip(list);
            assertThat(back).isExactlyInstanceOf(ArrayList.class);
            assertThat(new ArrayList<Object>((List<?>) back)).containsExactlyElementsOf(list);
        }
    }

    @Test
    void listElementsKeepTheirExactTypes() {
        List<?> back = (List<?>) roundTrip(List.of(1, 1L, (short) 1, (byte) 1, 1.0f, 1.0, '1', "1"));

        assertThat(back)
                .extracting(Object::getClass)
                .containsExactly(
                        Integer.class,
                        Long.class,
                        Short.class,
                        Byte.class,
                        Float.class,
                        Double.class,
                        Character.class,
                        String.class);
    }

    @Test
    void listWhoseFirstElementIsAnExtensionScalarIsStillAList() {
        List<Object> list = List.of(7L, LocalDate.of(2020, 1, 1), UUID.randomUUID());
        assertThat(roundTrip(list)).isEqualTo(list);
        assertThat(roundTrip(List.of(new int[] {1})))
                .satisfies(v -> assertThat(((List<?>) v).get(0)).isEqualTo(new int[] {1}));
    }

    @Test
    void nestedListsComeBackNested() {
        List<Object> nested = List.of(List.of(), List.of(List.of(1, List.of("deep"))), List.of(List.of(List.of())));
        Object back = roundTrip(nested);
        assertThat(back).isEqualTo(nested);
        assertThat(((List<?>) ((List<?>) back).get(1)).get(0)).isExactlyInstanceOf(ArrayList.class);
    }

    @Test
    void collectionThatIsNeitherListNorSetComesBackAsArrayList() {
        ArrayDeque<Object> deque = new ArrayDeque<>(List.of(3, 1, 2));
        assertThat(roundTrip(deque)).isExactlyInstanceOf(ArrayList.class).isEqualTo(List.of(3, 1, 2));
    }

    @Test
    void setsComeBackAsLinkedHashSetsInIterationOrder() {
        LinkedHashSet<Object> ordered = new LinkedHashSet<>(List.of("z", "a", 3, 1L, "m"));
        TreeSet<String> sorted = new TreeSet<>(List.of("pear", "apple", "fig"));
        Set<Object> concurrent = new ConcurrentSkipListSet<>(List.of(5, 3, 9));

        for (Set<?> set : List.<Set<?>>of(ordered, sorted, concurrent, Set.of(), EnumSet.of(Color.BLUE, Color.RED))) {
            Object back = roundTrip(set);
            assertThat(back).isExactlyInstanceOf(LinkedHashSet.class);
            assertThat(new ArrayList<Object>((Set<?>) back)).containsExactlyElementsOf(new ArrayList<Object>(set));
        }
    }

    @Test
    void setsOfCollectionsAndEmptySetNestedInList() {
        Set<Object> set = new LinkedHashSet<>(List.of(List.of(1, 2), Set.of(), Map.of("k", 1L)));
        List<Object> value = List.of(Set.of(), set, new LinkedHashSet<>(List.of(Set.of(Set.of()))));
        assertThat(roundTrip(value)).isEqualTo(value);
    }

    @Test
    void mapsComeBackAsLinkedHashMapsInIterationOrder() {
        LinkedHashMap<Object, Object> ordered = new LinkedHashMap<>();
        ordered.put("z", 1);
        ordered.put("a", 2L);
        ordered.put("m", null);
        TreeMap<Integer, String> sorted = new TreeMap<>(Map.of(3, "c", 1, "a", 2, "b"));
        EnumMap<Color, Integer> byColor = new EnumMap<>(Map.of(Color.GREEN, 1, Color.RED, 0));

        for (Map<?, ?> map : List.<Map<?, ?>>of(ordered, sorted, byColor, Map.of())) {
            Object back = roundTrip(map);
            assertThat(back).isExactlyInstanceOf(LinkedHashMap.class);
            assertThat(new ArrayList<Object>(((Map<?, ?>) back).entrySet()))
                    .containsExactlyElementsOf(new ArrayList<Object>(map.entrySet()));
        }
    }

    @Test
    void mapsKeepNonStringKeys() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(1, "int key");
        map.put(1L, "long key");
        map.put(List.of(1, "x"), "list key");
        map.put(null, "null key");
        map.put(new Point(1, 2), "record key");
        map.put(Color.BLUE, "enum key");
        map.put(Set.of("s"), Map.of("nested", List.of(1)));
        map.put(UUID.nameUUIDFromBytes(new byte[] {1}), new HashMap<>(Map.of(2, 3)));

        @SuppressWarnings("unchecked")
        Map<Object, Object> back = (Map<Object, Object>) roundTrip(map);

        assertThat(back).isEqualTo(map);
        assertThat(back.keySet()).containsExactlyElementsOf(map.keySet());
        assertThat(back.get(1)).isEqualTo("int key");
        assertThat(back.get(1L)).isEqualTo("long key");
        assertThat(back.get(List.of(1, "x"))).isEqualTo("list key");
    }

    @Test
    void objectArraysKeepTheirComponentType() {
        String[] strings = {"a", null, "c"};
        Integer[] ints = {1, null, Integer.MIN_VALUE};
        Object[] mixed = {1, "two", 3L, List.of(4), null, new int[] {5}, new Point(6, 7), Color.RED};
        Long[] empty = {};
        Number[] numbers = {1, 2L, 3.0};

        assertThat(roundTrip(strings)).isExactlyInstanceOf(String[].class).isEqualTo(strings);
        assertThat(roundTrip(ints)).isExactlyInstanceOf(Integer[].class).isEqualTo(ints);
        assertThat(roundTrip(mixed)).isExactlyInstanceOf(Object[].class).isEqualTo(mixed);
        assertThat(roundTrip(empty)).isExactlyInstanceOf(Long[].class);
        assertThat(roundTrip(numbers)).isExactlyInstanceOf(Number[].class).isEqualTo(numbers);
    }

    @Test
    void recordAndEnumArraysKeepTheirComponentTypeWhenTheTypeIsKnown() {
        Point[] points = {new Point(1, 2), null, new Point(3, 4)};
        Color[] colors = {Color.RED, Color.BLUE};
        Op[] ops = {Op.PLUS, Op.TIMES};

        assertThat(roundTrip(points)).isExactlyInstanceOf(Point[].class).isEqualTo(points);
        assertThat(roundTrip(colors)).isExactlyInstanceOf(Color[].class).isEqualTo(colors);
        assertThat(roundTrip(ops)).isExactlyInstanceOf(Op[].class).isEqualTo(ops);
    }

    @Test
    void emptyArrayOfARecordTypeTheSenderDeclaresKeepsItsComponentType() {
        TypeRegistry registry = newRegistry();
        registry.register(Point.class);
        assertThat(decode(encode(new Point[0], registry), registry)).isExactlyInstanceOf(Point[].class);
    }

    @Test
    void arraysOfPrimitiveArraysKeepTheirType() {
        int[][] matrix = {{1, 2}, {3}};
        Object back = roundTrip(matrix);
        assertThat(back).isExactlyInstanceOf(int[][].class);
        assertThat((int[][]) back).isDeepEqualTo(matrix);
    }

    @Test
    void arraysOfWellKnownJdkTypesKeepTheirComponentType() {
        Object[][] arrays = {
            new UUID[] {UUID.randomUUID()},
            new BigDecimal[] {BigDecimal.ONE},
            new java.math.BigInteger[] {java.math.BigInteger.TEN},
            new java.time.Instant[] {java.time.Instant.EPOCH},
            new java.time.Duration[] {java.time.Duration.ZERO},
            new LocalDate[] {LocalDate.EPOCH},
            new java.time.LocalTime[] {java.time.LocalTime.NOON},
            new java.time.LocalDateTime[] {java.time.LocalDateTime.MIN},
            new java.time.OffsetDateTime[] {java.time.OffsetDateTime.MAX},
            new java.time.ZonedDateTime[] {java.time.ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC)
            },
            new Character[] {'c'},
            new Boolean[] {true},
            new Byte[] {1},
            new Short[] {2},
            new Float[] {3f},
            new Double[] {4d},
            new CharSequence[] {"cs"},
            new List<?>[] {List.of(1)},
            new Map<?, ?>[] {Map.of(1, 2)},
            new Set<?>[] {Set.of(3)},
            new byte[][] {{1}},
            new long[][] {{2}},
            new double[][] {{3}},
        };
        for (Object[] array : arrays) {
            Object back = roundTrip(array);
            assertThat(back).as(array.getClass().getSimpleName()).isExactlyInstanceOf(array.getClass());
            assertThat(java.util.Objects.deepEquals(back, array)).isTrue();
        }
    }

    @Test
    void arraysOfEverySendableJdkTypeKeepTheirComponentType() {
        Object[][] arrays = {
            new java.time.Period[] {java.time.Period.ZERO},
            new java.time.Year[] {java.time.Year.of(1)},
            new java.time.YearMonth[] {java.time.YearMonth.of(1, 1)},
            new java.time.MonthDay[] {java.time.MonthDay.of(1, 1)},
            new java.time.OffsetTime[] {java.time.OffsetTime.MIN},
            new java.time.ZoneId[] {java.time.ZoneId.of("Europe/Paris")},
            new java.time.ZoneOffset[] {java.time.ZoneOffset.UTC},
            new String[][] {{"a"}},
            new float[][] {{1f}},
            new short[][] {{1}},
            new char[][] {{'c'}},
            new boolean[][] {{true}},
            new Object[][] {{1}},
        };
        List<String> lost = new ArrayList<>();
        for (Object[] array : arrays) {
            if (roundTrip(array).getClass() != array.getClass()) {
                lost.add(array.getClass().getSimpleName());
            }
        }
        assertThat(lost).as("array types that came back as another class").isEmpty();
    }

    record Inventory(TreeMap<String, Integer> stock) {}

    record Queue(LinkedList<String> items) {}

    record Schedule(java.time.Period[] steps) {}

    @Test
    void recordWithAConcreteCollectionComponentThatTheEncoderAcceptsCanBeDecoded() {
        Inventory inventory = new Inventory(new TreeMap<>(Map.of("b", 2, "a", 1)));
        Queue queue = new Queue(new LinkedList<>(List.of("x", "y")));
        Schedule schedule = new Schedule(new java.time.Period[] {java.time.Period.ofDays(1)});

        assertThat(roundTrip(inventory)).isEqualTo(inventory);
        assertThat(roundTrip(queue)).isEqualTo(queue);
        assertThat(((Schedule) roundTrip(schedule)).steps()).containsExactly(java.time.Period.ofDays(1));
    }

    @Test
    void recordsComeBackAsTheSameRecord() {
        Point p = new Point(-3, Integer.MAX_VALUE);
        assertThat(roundTrip(p)).isExactlyInstanceOf(Point.class).isEqualTo(p);
        assertThat(roundTrip(new Empty())).isEqualTo(new Empty());
    }

    @Test
    void recordWithEveryPrimitiveComponentTypeRoundTrips() {
        Primitives p = new Primitives(-1, 1L, Double.NaN, -0.0f, (short) -2, (byte) 3, 'ß', true);
        Primitives q = new Primitives(
                Integer.MIN_VALUE, Long.MAX_VALUE, -0.0, Float.MAX_VALUE, Short.MIN_VALUE, Byte.MIN_VALUE, '\0', false);
        assertThat(roundTrip(p)).isEqualTo(p);
        assertThat(roundTrip(q)).isEqualTo(q);
    }

    @Test
    void recordsNestedInRecordsAndCollectionsRoundTrip() {
        Person person = new Person(
                "Ada",
                List.of(new Point(0, 0), new Point(1, 1)),
                new LinkedHashMap<>(Map.of("home", new Point(5, 5))),
                Color.GREEN,
                List.of(new Line(new Point(1, 2), new Point(3, 4)), Op.TIMES, new Boxed(new Boxed(7L))));
        List<Object> value = List.of(person, Map.of(new Point(9, 9), Set.of(new Line(null, new Point(0, 1)))));

        Object back = roundTrip(value);

        assertThat(back).isEqualTo(value);
        Person personBack = (Person) ((List<?>) back).get(0);
        assertThat(personBack.path()).isExactlyInstanceOf(ArrayList.class);
        assertThat(((Boxed) ((Boxed) ((List<?>) personBack.extra()).get(2)).value()).value())
                .isInstanceOf(Long.class);
    }

    @Test
    void recordWithNullComponentsRoundTrips() {
        Person person = new Person(null, null, null, null, null);
        assertThat(roundTrip(person)).isEqualTo(person);
    }

    @Test
    void enumsComeBackAsTheSameConstantIncludingConstantsWithABody() {
        assertThat(roundTrip(Color.RED)).isSameAs(Color.RED);
        assertThat(roundTrip(Op.PLUS)).isSameAs(Op.PLUS);
        assertThat(roundTrip(Op.TIMES)).isSameAs(Op.TIMES);
        assertThat(Op.PLUS.getClass()).isNotEqualTo(Op.class);
        assertThat(((Op) roundTrip(Op.TIMES)).apply(6, 7)).isEqualTo(42);
    }

    @Test
    void enumConstantWithBodyDecodesInARegistryThatRegisteredTheBodyClass() {
        TypeRegistry sender = newRegistry();
        TypeRegistry receiver = newRegistry();
        receiver.register(Op.PLUS.getClass());

        assertThat(decode(encode(Op.PLUS, sender), receiver)).isSameAs(Op.PLUS);
    }

    @Test
    void adaptedTypeComesBackThroughItsAdapter() {
        Money money = new Money(1L, "EUR");
        Object back = roundTrip(money);
        assertThat(back).isExactlyInstanceOf(Money.class).isEqualTo(money);
    }

    @Test
    void adaptedValuesNestedInCollectionsAndRecordsRoundTrip() {
        List<Object> value = List.of(
                new Money(-5, "USD"),
                Map.of(new Money(1, "A"), new Money(2, "B")),
                new Boxed(new Money(Long.MAX_VALUE, "JPY")),
                new Money[] {new Money(3, "C")});

        List<?> back = (List<?>) roundTrip(value);

        assertThat(back.subList(0, 3)).isEqualTo(value.subList(0, 3));
        assertThat((Object[]) back.get(3)).containsExactly(new Money(3, "C"));
    }

    @Test
    void adapterIsUsedForSubclassesOfTheAdaptedClass() {
        TypeAdapter<Number> asString =
                TypeAdapter.of(Number.class, "test.Number", n -> n.getClass().getName() + ":" + n, w -> -1);
        TypeRegistry registry = newRegistry();
        registry.register(asString);

        // well-known number types keep their own encoding; an unknown Number subclass uses the adapter
        assertThat(decode(encode(new java.util.concurrent.atomic.AtomicLong(3), registry), registry))
                .isEqualTo(-1);
        assertThat(decode(encode(5L, registry), registry)).isEqualTo(5L);
    }

    @Test
    void adapterRegisteredForARecordTakesPrecedenceOverTheRecordEncoding() {
        TypeAdapter<Point> pointAsString =
                TypeAdapter.of(Point.class, "test.PointString", p -> p.x() + "," + p.y(), w -> {
                    String[] xy = ((String) w).split(",");
                    return new Point(Integer.parseInt(xy[0]), Integer.parseInt(xy[1]));
                });
        TypeRegistry sender = newRegistry();
        sender.register(pointAsString);
        TypeRegistry receiver = newRegistry();
        receiver.register(pointAsString);

        byte[] frame = encode(new Point(4, 5), sender);

        assertThat(decode(frame, receiver)).isEqualTo(new Point(4, 5));
        assertThat(sender.knownTypeNames()).doesNotContain(Point.class.getName());
    }

    /** A List implementation that should travel through its own adapter. */
    static final class Tags extends AbstractList<String> {
        private final List<String> tags;

        Tags(List<String> tags) {
            this.tags = List.copyOf(tags);
        }

        @Override
        public String get(int index) {
            return tags.get(index);
        }

        @Override
        public int size() {
            return tags.size();
        }
    }

    @Test
    void adapterForAClassImplementingListIsHonoured() {
        TypeAdapter<Tags> adapter = TypeAdapter.of(
                Tags.class, "test.Tags", t -> String.join(",", t), w -> new Tags(List.of(((String) w).split(","))));
        TypeRegistry registry = newRegistry();
        registry.register(adapter);

        Object back = decode(encode(new Tags(List.of("a", "b")), registry), registry);

        assertThat(back).isExactlyInstanceOf(Tags.class).isEqualTo(List.of("a", "b"));
    }

    @Test
    void adapterForAnEnumIsHonoured() {
        TypeAdapter<Color> adapter = TypeAdapter.of(Color.class, "test.Color", c -> c.ordinal(), w -> Color.BLUE);
        TypeRegistry registry = newRegistry();
        registry.register(adapter);

        assertThat(decode(encode(Color.RED, registry), registry)).isSameAs(Color.BLUE);
    }

    @Test
    void encoderNeverProducesAFrameTheDecoderRejectsForAnAdapterWireName() {
        for (String wireName : List.of("", "w".repeat(2000))) {
            TypeAdapter<Money> adapter =
                    TypeAdapter.of(Money.class, wireName, m -> m.cents(), w -> new Money((Long) w, "EUR"));
            TypeRegistry registry = newRegistry();
            byte[] frame;
            try {
                registry.register(adapter);
                frame = encode(new Money(5, "EUR"), registry);
            } catch (dev.steward.NotSendableException | IllegalArgumentException refusedUpFront) {
                continue;
            }
            assertThat(decode(frame, registry))
                    .as("wire name of %d chars", wireName.length())
                    .isEqualTo(new Money(5, "EUR"));
        }
    }

    interface Shape {
        double area();
    }

    static class Square implements Shape {
        final double side;

        Square(double side) {
            this.side = side;
        }

        @Override
        public double area() {
            return side * side;
        }
    }

    static final class ColoredSquare extends Square {
        ColoredSquare(double side) {
            super(side);
        }
    }

    @Test
    void adapterForAnInterfaceIsUsedForDirectImplementations() {
        TypeAdapter<Shape> adapter =
                TypeAdapter.of(Shape.class, "test.Shape", Shape::area, w -> new Square(Math.sqrt((Double) w)));
        TypeRegistry registry = newRegistry();
        registry.register(adapter);

        Object back = decode(encode(new Square(3), registry), registry);

        assertThat(((Shape) back).area()).isEqualTo(9.0);
    }

    @Test
    void adapterForAnInterfaceIsUsedForSubclassesOfImplementations() {
        TypeAdapter<Shape> adapter =
                TypeAdapter.of(Shape.class, "test.Shape", Shape::area, w -> new Square(Math.sqrt((Double) w)));
        TypeRegistry registry = newRegistry();
        registry.register(adapter);

        Object back = decode(encode(new ColoredSquare(3), registry), registry);

        assertThat(((Shape) back).area()).isEqualTo(9.0);
    }

    @Test
    void deepestValueTheEncoderAcceptsAlsoDecodes() {
        Object value = 1L;
        for (int i = 0; i < Encoder.MAX_DEPTH; i++) {
            value = List.of(value);
        }

        Object back = roundTrip(value);

        assertThat(back).isEqualTo(value);
    }

    @Test
    void deeplyNestedMapsSetsAndRecordsWithinTheLimitRoundTrip() {
        Object value = "leaf";
        for (int i = 0; i < Encoder.MAX_DEPTH - 1; i++) {
            switch (i % 4) {
                case 0 -> value = Map.of("k" + i, value);
                case 1 -> value = Set.of(value);
                case 2 -> value = new Boxed(value);
                default -> value = new Object[] {value};
            }
        }
        Object back = roundTrip(value);
        assertThat(java.util.Objects.deepEquals(unwrapArrays(back), unwrapArrays(value)))
                .isTrue();
    }

    /** Object[] has identity equals: compare via lists. */
    private static Object unwrapArrays(Object v) {
        if (v instanceof Object[] a) {
            List<Object> l = new ArrayList<>();
            for (Object o : a) {
                l.add(unwrapArrays(o));
            }
            return l;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(unwrapArrays(k), unwrapArrays(x)));
            return copy;
        }
        if (v instanceof Set<?> s) {
            Set<Object> copy = new LinkedHashSet<>();
            s.forEach(x -> copy.add(unwrapArrays(x)));
            return copy;
        }
        if (v instanceof Boxed b) {
            return new Boxed(unwrapArrays(b.value()));
        }
        return v;
    }
}
