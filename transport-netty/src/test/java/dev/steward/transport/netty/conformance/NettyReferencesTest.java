package dev.steward.transport.netty.conformance;

import dev.steward.runtime.conformance.AbstractReferencesTest;
import dev.steward.runtime.conformance.TransportFixture;

class NettyReferencesTest extends AbstractReferencesTest {
    @Override
    protected TransportFixture fixture() {
        return NettyFixture.INSTANCE;
    }
}
