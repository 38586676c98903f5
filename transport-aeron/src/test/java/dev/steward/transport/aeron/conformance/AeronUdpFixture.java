package dev.steward.transport.aeron.conformance;

import dev.steward.runtime.conformance.TransportFixture;
import dev.steward.transport.aeron.SharedMemoryLeftovers;
import java.time.Duration;
import java.util.Map;

/**
 * Aeron UDP on loopback with 64 KiB terms, for the conformance suite. Every JVM, children
 * included, runs an embedded driver of its own, as it would on separate hosts.
 */
final class AeronUdpFixture implements TransportFixture {
    static final AeronUdpFixture INSTANCE = new AeronUdpFixture();

    @Override
    public String name() {
        return "aeron-udp";
    }

    @Override
    public String nodeAddress() {
        return "aeron:udp?endpoint=127.0.0.1:0&term-length=64k";
    }

    @Override
    public boolean crossProcess() {
        return true;
    }

    @Override
    public Map<String, String> options() {
        return Map.of("aeron.termLength", "64k");
    }

    @Override
    public void assertNoLeftovers() {
        SharedMemoryLeftovers.awaitNone(Duration.ofSeconds(10), true);
    }
}
