package dev.steward.transport.aeron.conformance;

import dev.steward.runtime.conformance.AbstractSynchronizationTest;
import dev.steward.runtime.conformance.TransportFixture;

class AeronUdpSynchronizationTest extends AbstractSynchronizationTest {
    @Override
    protected TransportFixture fixture() {
        return AeronUdpFixture.INSTANCE;
    }
}
