package dev.steward.transport.aeron.conformance;

import dev.steward.runtime.conformance.AbstractSynchronizationTest;
import dev.steward.runtime.conformance.TransportFixture;

class AeronIpcSynchronizationTest extends AbstractSynchronizationTest {
    @Override
    protected TransportFixture fixture() {
        return AeronIpcFixture.INSTANCE;
    }
}
