package dev.steward.transport.aeron.conformance;

import dev.steward.runtime.conformance.AbstractBadInputTest;
import dev.steward.runtime.conformance.TransportFixture;

class AeronIpcBadInputTest extends AbstractBadInputTest {
    @Override
    protected TransportFixture fixture() {
        return AeronIpcFixture.INSTANCE;
    }
}
