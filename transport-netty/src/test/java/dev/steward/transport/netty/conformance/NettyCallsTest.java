package dev.steward.transport.netty.conformance;

import dev.steward.runtime.conformance.AbstractCallsTest;
import dev.steward.runtime.conformance.TransportFixture;

class NettyCallsTest extends AbstractCallsTest {
    @Override
    protected TransportFixture fixture() {
        return NettyFixture.INSTANCE;
    }
}
