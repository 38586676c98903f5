package dev.steward.transport.netty.conformance;

import dev.steward.runtime.conformance.TransportFixture;

/** Netty TCP on loopback, for the conformance suite. */
final class NettyFixture implements TransportFixture {
    static final NettyFixture INSTANCE = new NettyFixture();

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
