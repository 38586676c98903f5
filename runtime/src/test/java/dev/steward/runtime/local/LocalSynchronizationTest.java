package dev.steward.runtime.local;

import dev.steward.runtime.conformance.AbstractSynchronizationTest;
import dev.steward.runtime.conformance.TransportFixture;

class LocalSynchronizationTest extends AbstractSynchronizationTest {
    @Override
    protected TransportFixture fixture() {
        return LocalTransportFixture.INSTANCE;
    }
}
