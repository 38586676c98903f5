package dev.steward.runtime.local;

import dev.steward.runtime.conformance.AbstractCallsTest;
import dev.steward.runtime.conformance.TransportFixture;

class LocalCallsTest extends AbstractCallsTest {
    @Override
    protected TransportFixture fixture() {
        return LocalTransportFixture.INSTANCE;
    }
}
