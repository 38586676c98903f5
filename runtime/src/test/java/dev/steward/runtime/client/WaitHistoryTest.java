package dev.steward.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WaitHistoryTest {
    private static final long SHORT = TimeUnit.MICROSECONDS.toNanos(5);
    private static final long LONG = TimeUnit.MILLISECONDS.toNanos(2);

    private static long looks(WaitHistory h, int method, int calls) {
        return IntStream.range(0, calls).filter(i -> h.worthLooking(method)).count();
    }

    @Test
    void aMethodWithNoHistoryOrShortWaitsLooksEveryTime() {
        WaitHistory h = new WaitHistory();
        assertThat(looks(h, 3, 100)).isEqualTo(100);
        for (int i = 0; i < 50; i++) {
            h.record(3, SHORT);
        }
        assertThat(looks(h, 3, 100)).isEqualTo(100);
    }

    @Test
    void oneLongWaitDoesNotStopTheLooking() {
        WaitHistory h = new WaitHistory();
        h.record(1, LONG);
        assertThat(looks(h, 1, 100)).isEqualTo(100);
    }

    @Test
    void longWaitsStopTheLookingButForSamplesAndShortOnesStartItAgain() {
        WaitHistory h = new WaitHistory();
        for (int i = 0; i < 10; i++) {
            h.record(2, LONG);
        }
        assertThat(looks(h, 2, 800))
                .as("one call in %d still looks", WaitHistory.SAMPLE_EVERY)
                .isEqualTo(100);
        assertThat(looks(h, 0, 100)).as("other methods keep their own history").isEqualTo(100);
        // the sampled calls see that answers come quickly again
        int calls = 0;
        while (!h.worthLooking(2) || !h.worthLooking(2)) {
            h.record(2, SHORT);
            assertThat(++calls).as("looking again after short waits").isLessThan(20);
        }
        assertThat(looks(h, 2, 100)).isEqualTo(100);
    }

    @Test
    void methodIndicesBeyondTheBuiltInsKeepNoHistory() {
        WaitHistory h = new WaitHistory();
        for (int i = 0; i < 10; i++) {
            h.record(1000, LONG);
        }
        assertThat(looks(h, 1000, 100)).isEqualTo(100);
    }
}
