package dev.steward.runtime.local;

import dev.steward.runtime.conformance.TransportFixture;
import java.util.UUID;

/** The in-process transport, for the conformance tests that stay in one JVM. */
final class LocalTransportFixture implements TransportFixture {
    static final LocalTransportFixture INSTANCE = new LocalTransportFixture();

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String nodeAddress() {
        return "local://node-" + UUID.randomUUID();
    }

    @Override
    public boolean crossProcess() {
        return false;
    }
}
