package dev.steward.transport.aeron.conformance;

import dev.steward.runtime.conformance.AbstractReferencesTest;
import dev.steward.runtime.conformance.TransportFixture;

class AeronUdpReferencesTest extends AbstractReferencesTest {
    @Override
    protected TransportFixture fixture() {
        return AeronUdpFixture.INSTANCE;
    }
}
