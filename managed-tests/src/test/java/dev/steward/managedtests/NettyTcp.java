package dev.steward.managedtests;

import dev.steward.runtime.conformance.TransportFixture;

/** Netty TCP on loopback: the transport of these tests. */
final class NettyTcp implements TransportFixture {
    static final NettyTcp INSTANCE = new NettyTcp();

    @Override
    public String name() {
        return "netty-tcp";
    }

    @Override
    public String nodeAddress() {
        return "tcp://127.0.0.1:0";
    }

    @Override
    public boolean crossProcess() {
        return true;
    }
}
