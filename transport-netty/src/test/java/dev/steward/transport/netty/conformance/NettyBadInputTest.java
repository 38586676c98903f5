package dev.steward.transport.netty.conformance;

import dev.steward.runtime.conformance.AbstractBadInputTest;
import dev.steward.runtime.conformance.TransportFixture;

class NettyBadInputTest extends AbstractBadInputTest {
    @Override
    protected TransportFixture fixture() {
        return NettyFixture.INSTANCE;
    }
}
