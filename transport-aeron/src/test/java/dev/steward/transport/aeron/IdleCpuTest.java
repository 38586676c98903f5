package dev.steward.transport.aeron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.runtime.Serve;
import dev.steward.runtime.conformance.JavaProcess;
import dev.steward.runtime.protocol.Handshake;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default settings must not burn a core while idle: a standalone node and a connected client,
 * each in its own JVM, are left alone and their CPU time is read from the OS. The window is 3 s
 * here, after 2 s of settling (and further windows while start-up work goes on, up to 30 s); {@code -Dsteward.idle.seconds=10 -Dsteward.idle.settleSeconds=5}
 * gives the figures quoted in the README, and {@code
 * -Dsteward.idle.options="aeron.idle=sleep aeron.idleMaxParkNs=4000000"} measures other settings.
 */
class IdleCpuTest {
    /** A fifth of a core: backoff parks at most 1 ms, measured here at about 0.02-0.05 core. */
    private static final double LIMIT_CORES = 0.2;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aeron:ipc", "aeron:udp?endpoint=127.0.0.1:0"})
    void anIdleNodeAndClientUseLittleCpu(String nodeAddress) throws Exception {
        long seconds = Long.getLong("steward.idle.seconds", 3);
        List<String> options = List.of(
                        System.getProperty("steward.idle.options", "").split(" "))
                .stream()
                .filter(s -> !s.isBlank())
                .toList();
        String key = HexFormat.of().formatHex(Handshake.newAuthKey());
        // the node takes the same options in its address's query
        String query = String.join("&", options);
        String address = query.isEmpty() ? nodeAddress : nodeAddress + (nodeAddress.contains("?") ? "&" : "?") + query;
        List<String> serveArgs = new ArrayList<>(List.of("--address", address, "--publish", "counter=long"));
        try (JavaProcess node = JavaProcess.start(
                        Serve.class, List.of(), Map.of("STEWARD_AUTHKEY", key), serveArgs.toArray(new String[0]));
                JavaProcess client = startClient(node, key, options)) {
            client.awaitLine("connected", Duration.ofSeconds(60));
            // let start-up work (JIT compilation, class loading) die down first
            LockSupport.parkNanos(Duration.ofSeconds(Long.getLong("steward.idle.settleSeconds", 2))
                    .toNanos());
            // on a loaded machine start-up work lasts longer: measure window after window, for up to
            // half a minute, until one finds both processes below the limit (a process that spins
            // stays above it in every window)
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            double nodeCores;
            double clientCores;
            do {
                Duration nodeBefore = cpu(node);
                Duration clientBefore = cpu(client);
                long start = System.nanoTime();
                LockSupport.parkNanos(Duration.ofSeconds(seconds).toNanos());
                double wall = (System.nanoTime() - start) / 1e9;
                nodeCores = cpu(node).minus(nodeBefore).toNanos() / 1e9 / wall;
                clientCores = cpu(client).minus(clientBefore).toNanos() / 1e9 / wall;
                System.out.printf(
                        "idle CPU over %.1f s, %s %s: node %.3f core, client %.3f core%n",
                        wall, nodeAddress, options, nodeCores, clientCores);
            } while ((nodeCores >= LIMIT_CORES || clientCores >= LIMIT_CORES) && System.nanoTime() - deadline < 0);
            assertThat(nodeCores).as("node, in cores").isLessThan(LIMIT_CORES);
            assertThat(clientCores).as("client, in cores").isLessThan(LIMIT_CORES);
        } finally {
            SharedMemoryLeftovers.awaitNone(Duration.ofSeconds(10), true);
        }
    }

    private static JavaProcess startClient(JavaProcess node, String key, List<String> options) throws Exception {
        String address = node.awaitLine("serving ", Duration.ofSeconds(60)).substring("serving ".length());
        List<String> args = new ArrayList<>();
        args.add(address);
        args.addAll(options);
        return JavaProcess.start(
                IdleClient.class, List.of(), Map.of("STEWARD_AUTHKEY", key), args.toArray(new String[0]));
    }

    private static Duration cpu(JavaProcess p) {
        return p.process().toHandle().info().totalCpuDuration().orElseThrow();
    }
}
