package dev.steward.transport.netty.conformance;

import dev.steward.runtime.conformance.AbstractProcessTest;
import dev.steward.runtime.conformance.TransportFixture;

class NettyProcessTest extends AbstractProcessTest {
    @Override
    protected TransportFixture fixture() {
        return NettyFixture.INSTANCE;
    }
}
