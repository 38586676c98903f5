package dev.steward.transport.aeron.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.SharedList;
import dev.steward.runtime.conformance.AbstractProcessTest;
import dev.steward.runtime.conformance.Await;
import dev.steward.runtime.conformance.TransportFixture;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Adds what happens across hosts, where no process can be watched: with {@code aeron.peerCheckMs=0}
 * a dead peer is noticed when the embedded driver's image liveness timeout (2 s) ends its stream.
 */
class AeronUdpPeerDeathTest extends AbstractPeerDeathTest {
    /** Image liveness (2 s), the driver's drain of the image, and a margin. */
    private static final Duration LIVENESS_LIMIT = Duration.ofMillis(4_500);

    @Override
    protected TransportFixture fixture() {
        return AeronUdpFixture.INSTANCE;
    }

    @Test
    void withoutTheProcessWatchAKilledClientEndsWithItsStream() throws Exception {
        Manager node = track(builder()
                .address(fixture().nodeAddress())
                .option("aeron.peerCheckMs", "0")
                .start());
        SharedList<String> ready = node.list();
        ManagedProcess child = spawn(node, AbstractProcessTest.Holder.class, ready, 1);
        Await.until(Duration.ofSeconds(60), () -> ready.contains("ready") || !child.isAlive(), () -> "the child is up");
        assertThat(child.isAlive()).as("child output: %s", logOf(child)).isTrue();

        long start = System.nanoTime();
        child.kill();
        Await.until(Duration.ofSeconds(15), () -> node.nodeStatus().sessions() == 1, () -> "the session ends");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf(
                "aeron-udp without process watch: node noticed a SIGKILLed client after %d ms%n", took.toMillis());
        assertThat(took).isLessThan(LIVENESS_LIMIT);
    }

    @Test
    void withoutTheProcessWatchAKilledNodeEndsWithItsStream() throws Exception {
        Duration took = killTheNode(Map.of("aeron.peerCheckMs", "0"));
        System.out.printf(
                "aeron-udp without process watch: client noticed a SIGKILLed node after %d ms%n", took.toMillis());
        assertThat(took).isLessThan(LIVENESS_LIMIT);
    }
}
