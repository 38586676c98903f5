package dev.steward.transport.aeron.conformance;

import dev.steward.runtime.conformance.TransportFixture;

class AeronIpcPeerDeathTest extends AbstractPeerDeathTest {
    @Override
    protected TransportFixture fixture() {
        return AeronIpcFixture.INSTANCE;
    }
}
