package dev.steward.transport.aeron.conformance;

import dev.steward.runtime.conformance.AbstractProcessTest;
import dev.steward.runtime.conformance.TransportFixture;

class AeronIpcProcessTest extends AbstractProcessTest {
    @Override
    protected TransportFixture fixture() {
        return AeronIpcFixture.INSTANCE;
    }
}
