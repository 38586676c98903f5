package dev.steward.transport.aeron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The control records: what a client's CONNECT carries, and what a node refuses. */
class WireTest {
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final Wire.Peer peer = new Wire.Peer(4242, 1_700_000_000_000L, "boot-id");

    @Test
    void connectCarriesTheDoorbellPort() {
        Wire.Connect sent = new Wire.Connect(Wire.VERSION, 77, "", peer, 40123);
        int length = Wire.encode(buffer, sent);
        assertThat(Wire.decodeConnect(buffer, 0, length)).isEqualTo(sent);
    }

    @Test
    void aConnectWithoutADoorbellPortMeansNone() {
        // the layout of clients that had no doorbell: the same record, four bytes shorter
        int length = Wire.encode(buffer, new Wire.Connect(Wire.VERSION, 77, "127.0.0.1:4000", peer, 0)) - 4;
        Wire.Connect read = Wire.decodeConnect(buffer, 0, length);
        assertThat(read.doorbellPort()).isZero();
        assertThat(read.replyEndpoint()).isEqualTo("127.0.0.1:4000");
        assertThat(read.peer()).isEqualTo(peer);
    }

    @Test
    void aDoorbellPortOutsideTheRangeIsMalformed() {
        for (int port : new int[] {-1, 65_536, Integer.MIN_VALUE}) {
            int length = Wire.encode(buffer, new Wire.Connect(Wire.VERSION, 77, "", peer, port));
            assertThatThrownBy(() -> Wire.decodeConnect(buffer, 0, length))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("doorbell port");
        }
    }

    @Test
    void aTruncatedConnectIsMalformed() {
        int length = Wire.encode(buffer, new Wire.Connect(Wire.VERSION, 77, "", peer, 1));
        assertThatThrownBy(() -> Wire.decodeConnect(buffer, 0, length - 7))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
