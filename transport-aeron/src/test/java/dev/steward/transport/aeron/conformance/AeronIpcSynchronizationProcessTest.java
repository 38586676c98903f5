package dev.steward.transport.aeron.conformance;

import dev.steward.runtime.conformance.AbstractSynchronizationProcessTest;
import dev.steward.runtime.conformance.TransportFixture;

class AeronIpcSynchronizationProcessTest extends AbstractSynchronizationProcessTest {
    @Override
    protected TransportFixture fixture() {
        return AeronIpcFixture.INSTANCE;
    }
}
