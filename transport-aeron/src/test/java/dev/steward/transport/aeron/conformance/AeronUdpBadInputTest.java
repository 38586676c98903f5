package dev.steward.transport.aeron.conformance;

import dev.steward.runtime.conformance.AbstractBadInputTest;
import dev.steward.runtime.conformance.TransportFixture;

class AeronUdpBadInputTest extends AbstractBadInputTest {
    @Override
    protected TransportFixture fixture() {
        return AeronUdpFixture.INSTANCE;
    }
}
