package dev.steward.transport.netty.conformance;

import dev.steward.runtime.conformance.AbstractSynchronizationProcessTest;
import dev.steward.runtime.conformance.TransportFixture;

class NettySynchronizationProcessTest extends AbstractSynchronizationProcessTest {
    @Override
    protected TransportFixture fixture() {
        return NettyFixture.INSTANCE;
    }
}
