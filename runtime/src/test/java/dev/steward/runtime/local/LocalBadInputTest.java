package dev.steward.runtime.local;

import dev.steward.runtime.conformance.AbstractBadInputTest;
import dev.steward.runtime.conformance.TransportFixture;

class LocalBadInputTest extends AbstractBadInputTest {
    @Override
    protected TransportFixture fixture() {
        return LocalTransportFixture.INSTANCE;
    }
}
