package dev.steward.transport.aeron.conformance;

import dev.steward.runtime.conformance.AbstractCallsTest;
import dev.steward.runtime.conformance.TransportFixture;

class AeronUdpCallsTest extends AbstractCallsTest {
    @Override
    protected TransportFixture fixture() {
        return AeronUdpFixture.INSTANCE;
    }
}
