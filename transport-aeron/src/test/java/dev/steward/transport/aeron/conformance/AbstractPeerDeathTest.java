package dev.steward.transport.aeron.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.ConnectionLostException;
import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.SharedList;
import dev.steward.SharedLong;
import dev.steward.runtime.Serve;
import dev.steward.runtime.conformance.AbstractProcessTest;
import dev.steward.runtime.conformance.Await;
import dev.steward.runtime.conformance.ConformanceBase;
import dev.steward.runtime.conformance.JavaProcess;
import dev.steward.runtime.protocol.Handshake;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How fast each end notices that the other's process was SIGKILLed, which Aeron alone reports only
 * after a liveness timeout. Issue 3 needs the locks of a dead client released within a second.
 */
abstract class AbstractPeerDeathTest extends ConformanceBase {
    /** How long the node may take to notice a dead client on this host. */
    static final Duration CLIENT_DEATH_LIMIT = Duration.ofMillis(1_000);
    /** How long a client may take to notice a dead node on this host. */
    static final Duration NODE_DEATH_LIMIT = Duration.ofMillis(2_000);

    @Test
    void theNodeNoticesAKilledClientWithinASecond() throws Exception {
        Manager node = startNode();
        SharedList<String> ready = node.list();
        ManagedProcess child = spawn(node, AbstractProcessTest.Holder.class, ready, 3);
        Await.until(Duration.ofSeconds(60), () -> ready.contains("ready") || !child.isAlive(), () -> "the child is up");
        assertThat(child.isAlive()).as("child output: %s", logOf(child)).isTrue();
        assertThat(node.nodeStatus().sessions()).isEqualTo(2);

        long start = System.nanoTime();
        child.kill();
        Await.until(Duration.ofSeconds(10), () -> node.nodeStatus().sessions() == 1, () -> "the session ends");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf(
                "%s: node noticed a SIGKILLed client after %d ms%n", fixture().name(), took.toMillis());
        assertThat(took).isLessThan(CLIENT_DEATH_LIMIT);
    }

    @Test
    void aClientNoticesAKilledNodeWithinTwoSeconds() throws Exception {
        Duration took = killTheNode(Map.of());
        System.out.printf(
                "%s: client noticed a SIGKILLed node after %d ms%n", fixture().name(), took.toMillis());
        assertThat(took).isLessThan(NODE_DEATH_LIMIT);
    }

    /**
     * Kills a standalone node under a client that has calls in flight.
     *
     * @param clientOptions extra options for the client
     * @return how long the client took to fail its calls
     */
    Duration killTheNode(Map<String, String> clientOptions) throws Exception {
        String key = HexFormat.of().formatHex(Handshake.newAuthKey());
        JavaProcess serve = track(JavaProcess.start(
                Serve.class,
                List.of(),
                Map.of("STEWARD_AUTHKEY", key),
                "--address",
                fixture().nodeAddress(),
                "--publish",
                "counter=long"));
        String address = serve.awaitLine("serving ", Duration.ofSeconds(60)).substring("serving ".length());
        Manager.Builder b = builder().address(address).authKey(HexFormat.of().parseHex(key));
        clientOptions.forEach(b::option);
        Manager client = track(b.connect());
        SharedLong counter = client.lookup("counter", SharedLong.class);
        assertThat(counter.incrementAndGet()).isEqualTo(1);

        long start = System.nanoTime();
        serve.process().destroyForcibly();
        CompletableFuture<Long> inFlight = counter.async().incrementAndGet();
        assertThatThrownBy(() -> inFlight.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectionLostException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        serve.kill();
        return took;
    }
}
