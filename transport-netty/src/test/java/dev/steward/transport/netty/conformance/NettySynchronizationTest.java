package dev.steward.transport.netty.conformance;

import dev.steward.runtime.conformance.AbstractSynchronizationTest;
import dev.steward.runtime.conformance.TransportFixture;

class NettySynchronizationTest extends AbstractSynchronizationTest {
    @Override
    protected TransportFixture fixture() {
        return NettyFixture.INSTANCE;
    }
}
