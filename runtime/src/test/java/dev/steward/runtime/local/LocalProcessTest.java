package dev.steward.runtime.local;

import dev.steward.runtime.conformance.AbstractProcessTest;
import dev.steward.runtime.conformance.TransportFixture;

class LocalProcessTest extends AbstractProcessTest {
    @Override
    protected TransportFixture fixture() {
        return LocalTransportFixture.INSTANCE;
    }
}
