package dev.steward.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomCounterTest extends SampleTestBase {
    @Test
    void twoChildrenIncrementFiveTimesEachAndResetWorks() throws Exception {
        assertThat(CustomCounter.run(children)).isEqualTo(10);

        assertThat(out()).contains("Final counter value: 10").contains("After reset(): 0");
        assertThat(children.of(CustomCounter.Worker.class)).hasSize(2);
        for (var child : children.of(CustomCounter.Worker.class)) {
            assertThat(children.output(child).lines().filter(l -> l.startsWith("Counter value: ")))
                    .hasSize(5);
        }
    }
}
