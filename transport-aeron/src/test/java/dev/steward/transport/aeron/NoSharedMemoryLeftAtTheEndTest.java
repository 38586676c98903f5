package dev.steward.transport.aeron;

import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class of the module (see {@code junit-platform.properties}) and
 * checks that the whole run, SIGKILLed processes included, left no Aeron directory in {@code
 * /dev/shm}. It does not sweep: the tests must have cleaned up by themselves.
 */
@Order(Integer.MAX_VALUE)
class NoSharedMemoryLeftAtTheEndTest {
    @Test
    void thisRunLeftNoAeronDirectory() {
        SharedMemoryLeftovers.awaitNone(Duration.ofSeconds(10), false);
    }
}
