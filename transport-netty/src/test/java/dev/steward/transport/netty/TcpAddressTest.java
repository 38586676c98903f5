package dev.steward.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class TcpAddressTest {
    @Test
    void readsHostAndPort() {
        assertThat(TcpAddress.parse(URI.create("tcp://127.0.0.1:0"))).isEqualTo(new TcpAddress("127.0.0.1", 0));
        assertThat(TcpAddress.parse(URI.create("TCP://localhost:8080"))).isEqualTo(new TcpAddress("localhost", 8080));
        assertThat(TcpAddress.parse(URI.create("tcp://[::1]:9"))).isEqualTo(new TcpAddress("::1", 9));
        assertThat(TcpAddress.parse(URI.create("tcp://my_host:12"))).isEqualTo(new TcpAddress("my_host", 12));
    }

    @Test
    void fillsInAMissingHostAndPort() {
        assertThat(TcpAddress.parse(URI.create("tcp://:5000"))).isEqualTo(new TcpAddress("127.0.0.1", 5000));
        assertThat(TcpAddress.parse(URI.create("tcp:///"))).isEqualTo(new TcpAddress("127.0.0.1", 0));
        assertThat(TcpAddress.parse(URI.create("tcp://localhost"))).isEqualTo(new TcpAddress("localhost", 0));
    }

    @Test
    void refusesOtherSchemesAndBadPorts() {
        assertThatThrownBy(() -> TcpAddress.parse(URI.create("aeron:udp?endpoint=x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aeron:udp");
        assertThatThrownBy(() -> TcpAddress.parse(URI.create("tcp://my_host:99999")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("99999");
    }

    @Test
    void writesAddressesBack() {
        assertThat(new TcpAddress("127.0.0.1", 80).toUri()).isEqualTo(URI.create("tcp://127.0.0.1:80"));
        assertThat(new TcpAddress("::1", 80).toUri()).isEqualTo(URI.create("tcp://[::1]:80"));
        assertThat(new TcpAddress("::1", 80)).hasToString("tcp://[::1]:80");
        assertThat(TcpAddress.describe(new InetSocketAddress(InetAddress.getLoopbackAddress(), 53122)))
                .isEqualTo("tcp://127.0.0.1:53122");
    }
}
