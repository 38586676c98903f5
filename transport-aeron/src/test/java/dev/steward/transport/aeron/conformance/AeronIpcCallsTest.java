package dev.steward.transport.aeron.conformance;

import dev.steward.runtime.conformance.AbstractCallsTest;
import dev.steward.runtime.conformance.TransportFixture;

class AeronIpcCallsTest extends AbstractCallsTest {
    @Override
    protected TransportFixture fixture() {
        return AeronIpcFixture.INSTANCE;
    }
}
