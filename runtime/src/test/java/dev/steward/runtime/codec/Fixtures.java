package dev.steward.runtime.codec;

import dev.steward.TypeAdapter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Records, enums and adapted classes the codec tests send. */
final class Fixtures {
    private Fixtures() {}

    record Point(int x, int y) {}

    record Line(Point from, Point to) {}

    record Empty() {}

    record Primitives(int i, long l, double d, float f, short s, byte b, char c, boolean z) {}

    record Person(String name, List<Point> path, Map<String, Point> marks, Color favourite, Object extra) {}

    record Boxed(Object value) {}

    record Positive(int value) {
        Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("not positive: " + value);
            }
        }
    }

    enum Color {
        RED,
        GREEN,
        BLUE
    }

    enum Op {
        PLUS {
            @Override
            int apply(int a, int b) {
                return a + b;
            }
        },
        TIMES {
            @Override
            int apply(int a, int b) {
                return a * b;
            }
        };

        abstract int apply(int a, int b);
    }

    /** A plain class, sendable only through {@link #MONEY}. */
    static final class Money {
        private final long cents;
        private final String currency;

        Money(long cents, String currency) {
            this.cents = cents;
            this.currency = currency;
        }

        long cents() {
            return cents;
        }

        String currency() {
            return currency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Money m && m.cents == cents && m.currency.equals(currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cents, currency);
        }

        @Override
        public String toString() {
            return cents + " " + currency;
        }
    }

    static final TypeAdapter<Money> MONEY =
            TypeAdapter.of(Money.class, "test.Money", m -> List.of(m.cents(), m.currency()), wire -> {
                List<?> parts = (List<?>) wire;
                return new Money((Long) parts.get(0), (String) parts.get(1));
            });

    /** A class with no adapter. */
    static final class Unregistered {
        @Override
        public String toString() {
            return "Unregistered";
        }
    }
}
