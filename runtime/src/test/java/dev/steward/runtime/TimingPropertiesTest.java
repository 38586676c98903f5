package dev.steward.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimingPropertiesTest {
    @Test
    void readsTimingPropertiesAndRefusesMalformedOnesByName() {
        assertThat(TimingProperties.micros("steward.client.longLookMicros", null, 25, 10_000))
                .isEqualTo(25);
        assertThat(TimingProperties.micros("steward.client.longLookMicros", " 20 ", 25, 10_000))
                .isEqualTo(20);
        assertThat(TimingProperties.micros("steward.client.longLookMicros", "0", 25, 10_000))
                .isZero();
        assertThat(TimingProperties.micros("steward.client.longLookMicros", "10000", 25, 10_000))
                .isEqualTo(10_000);
        for (String bad : new String[] {"abc", "-1", "10001", "1.5", "", "99999999999999999999"}) {
            assertThatThrownBy(() -> TimingProperties.micros("steward.client.longLookMicros", bad, 25, 10_000))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-Dsteward.client.longLookMicros")
                    .hasMessageContaining("from 0 to 10000")
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void readsTheSystemProperty() {
        String name = "steward.test.timingProperty";
        System.setProperty(name, "7");
        try {
            assertThat(TimingProperties.micros(name, 1, 100)).isEqualTo(7);
            System.setProperty(name, "later");
            assertThatThrownBy(() -> TimingProperties.micros(name, 1, 100))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-D" + name);
        } finally {
            System.clearProperty(name);
        }
        assertThat(TimingProperties.micros(name, 1, 100)).isEqualTo(1);
    }
}
