package dev.steward.transport.aeron.conformance;

import dev.steward.runtime.conformance.TransportFixture;
import dev.steward.transport.aeron.SharedMemoryLeftovers;
import java.time.Duration;
import java.util.Map;

/**
 * Aeron IPC with 64 KiB terms, for the conformance suite. Nodes start an embedded driver; clients
 * and children reach it through the address the node reports.
 */
final class AeronIpcFixture implements TransportFixture {
    static final AeronIpcFixture INSTANCE = new AeronIpcFixture();

    @Override
    public String name() {
        return "aeron-ipc";
    }

    @Override
    public String nodeAddress() {
        // the term length in the address reaches standalone nodes too, which get no options
        return "aeron:ipc?term-length=64k";
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
        // directories of SIGKILLed processes go as they would at the next driver start
        SharedMemoryLeftovers.awaitNone(Duration.ofSeconds(10), true);
    }
}
