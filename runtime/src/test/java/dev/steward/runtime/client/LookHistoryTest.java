package dev.steward.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LookHistoryTest {
    private static final long LIMIT = TimeUnit.MICROSECONDS.toNanos(25);
    private static final long SHORT = TimeUnit.MICROSECONDS.toNanos(8);
    private static final long LONG = TimeUnit.MICROSECONDS.toNanos(50);

    private static long looks(LookHistory h, int calls) {
        return IntStream.range(0, calls).filter(i -> h.worthLooking()).count();
    }

    @Test
    void shortLooksGoOnEveryTime() {
        LookHistory h = new LookHistory(LIMIT);
        assertThat(looks(h, 100)).as("no history yet").isEqualTo(100);
        for (int i = 0; i < 100; i++) {
            h.record(SHORT);
        }
        assertThat(looks(h, 100)).isEqualTo(100);
    }

    @Test
    void oneLongLookDoesNotStopTheLooking() {
        LookHistory h = new LookHistory(LIMIT);
        for (int i = 0; i < 20; i++) {
            h.record(SHORT);
        }
        h.record(TimeUnit.SECONDS.toNanos(1)); // a look that lost its processor: counted as four limits
        assertThat(looks(h, 100)).isEqualTo(100);
    }

    @Test
    void longLooksStopTheLookingButForSamplesAndShortOnesStartItAgain() {
        LookHistory h = new LookHistory(LIMIT);
        for (int i = 0; i < 20; i++) {
            h.record(LONG);
        }
        assertThat(h.averageNanos()).isGreaterThan(LIMIT);
        assertThat(looks(h, 800))
                .as("one call in %d still looks", LookHistory.SAMPLE_EVERY)
                .isEqualTo(100);
        // only the sampled looks are recorded; they find their answers quickly again
        int sampled = 0;
        while (!h.worthLooking() || !h.worthLooking()) {
            if (h.worthLooking()) {
                h.record(SHORT);
                assertThat(++sampled).as("looking again after short looks").isLessThan(20);
            }
        }
        assertThat(looks(h, 100)).isEqualTo(100);
    }

    @Test
    void aLimitOfZeroLooksAlways() {
        LookHistory h = new LookHistory(0);
        for (int i = 0; i < 20; i++) {
            h.record(TimeUnit.SECONDS.toNanos(1));
        }
        assertThat(looks(h, 100)).isEqualTo(100);
    }
}
