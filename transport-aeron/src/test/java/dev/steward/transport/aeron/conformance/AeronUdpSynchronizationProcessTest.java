package dev.steward.transport.aeron.conformance;

import dev.steward.runtime.conformance.AbstractSynchronizationProcessTest;
import dev.steward.runtime.conformance.TransportFixture;

class AeronUdpSynchronizationProcessTest extends AbstractSynchronizationProcessTest {
    @Override
    protected TransportFixture fixture() {
        return AeronUdpFixture.INSTANCE;
    }
}
