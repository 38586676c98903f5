package dev.steward.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class NettySettingsTest {
    @Test
    void hasDefaults() throws Exception {
        NettySettings settings = NettySettings.from(Transports.config(1024));

        assertThat(settings.maxFrameBytes()).isEqualTo(1024);
        assertThat(settings.connectTimeoutMillis()).isEqualTo(5_000);
        assertThat(settings.maxQueuedBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(settings.closeTimeoutMillis()).isEqualTo(5_000);
    }

    @Test
    void readsOptions() throws Exception {
        NettySettings settings = NettySettings.from(Transports.config(
                1024,
                NettySettings.TRANSPORT,
                "nio",
                NettySettings.CONNECT_TIMEOUT_MS,
                "250",
                NettySettings.MAX_QUEUED_BYTES,
                "4096",
                NettySettings.CLOSE_TIMEOUT_MS,
                "100"));

        assertThat(settings.kind()).isEqualTo(NettyTransportKind.NIO);
        assertThat(settings.connectTimeoutMillis()).isEqualTo(250);
        assertThat(settings.maxQueuedBytes()).isEqualTo(4096);
        assertThat(settings.closeTimeoutMillis()).isEqualTo(100);
    }

    @Test
    void refusesMalformedOptions() {
        assertThatThrownBy(() -> NettySettings.from(Transports.config(1024, NettySettings.CONNECT_TIMEOUT_MS, "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("netty.connectTimeoutMs")
                .hasMessageContaining("soon");
        assertThatThrownBy(() -> NettySettings.from(Transports.config(1024, NettySettings.MAX_QUEUED_BYTES, "0")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NettyTransportProvider()
                        .listen(
                                URI.create("tcp://127.0.0.1:0"),
                                Transports.config(1024, NettySettings.TRANSPORT, "carrier-pigeon"),
                                connection -> new RecordingListener()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carrier-pigeon");
    }

    @Test
    void choosesTheClientAndRefusesAnUnknownOne() throws Exception {
        assertThat(NettySettings.from(Transports.config(1024)).directClient())
                .as("the direct client by default")
                .isTrue();
        assertThat(NettySettings.from(Transports.config(1024, NettySettings.CLIENT, "netty"))
                        .directClient())
                .isFalse();
        assertThatThrownBy(() -> NettySettings.from(Transports.config(1024, NettySettings.CLIENT, "threaded")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("netty.client must be 'direct' or 'netty', not 'threaded'");
    }
}
