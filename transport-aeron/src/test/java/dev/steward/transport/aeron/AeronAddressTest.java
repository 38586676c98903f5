package dev.steward.transport.aeron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AeronAddressTest {
    @Test
    void parsesIpcAndUdp() {
        AeronAddress ipc = AeronAddress.parse(URI.create("aeron:ipc"));
        assertThat(ipc.media()).isEqualTo(AeronAddress.Media.IPC);
        assertThat(ipc.endpoint()).isNull();
        assertThat(ipc.stream()).isNull();
        assertThat(ipc.options()).isEmpty();

        AeronAddress udp = AeronAddress.parse(URI.create("aeron:udp?endpoint=10.0.0.5:40123&stream=7"));
        assertThat(udp.media()).isEqualTo(AeronAddress.Media.UDP);
        assertThat(udp.hostPort()).isEqualTo(new AeronAddress.HostPort("10.0.0.5", 40123));
        assertThat(udp.stream()).isEqualTo(7);
    }

    @Test
    void readsOptionsUnderTheirOptionNamesWithAeronStyleShortNamesAndSeparators() {
        AeronAddress a = AeronAddress.parse(
                URI.create("aeron:udp?endpoint=h:1&term-length=64k%7Cmtu=8192&aeron.idle=sleep&aeron.dir=/dev/shm/x"));
        assertThat(a.options())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        AeronSettings.TERM_LENGTH, "64k",
                        AeronSettings.MTU, "8192",
                        AeronSettings.IDLE, "sleep",
                        AeronSettings.DIR, "/dev/shm/x"));
    }

    @Test
    void formatsWhatItParsesAndEscapesOddDirectoryNames() {
        AeronAddress a = AeronAddress.parse(URI.create("aeron:ipc?term-length=64k"))
                .with(null, 1234, Map.of(AeronSettings.DIR, "/tmp/a dir&b"));
        URI uri = a.toUri();
        assertThat(uri.toString()).isEqualTo("aeron:ipc?stream=1234&aeron.dir=/tmp/a%20dir%26b&term-length=64k");
        AeronAddress back = AeronAddress.parse(uri);
        assertThat(back.option(AeronSettings.DIR)).isEqualTo("/tmp/a dir&b");
        assertThat(back.stream()).isEqualTo(1234);
        assertThat(back.option(AeronSettings.TERM_LENGTH)).isEqualTo("64k");
        assertThatThrownBy(() ->
                        a.with(null, 1, Map.of(AeronSettings.DIR, "/tmp/a|b")).toUri())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains '|'");
    }

    @Test
    void handlesIpv6AndWildcardEndpoints() {
        AeronAddress v6 = AeronAddress.parse(URI.create("aeron:udp?endpoint=[::1]:5000"));
        assertThat(v6.hostPort().host()).isEqualTo("::1");
        assertThat(v6.hostPort().toString()).isEqualTo("[::1]:5000");
        assertThat(AeronAddress.parse(URI.create("aeron:udp?endpoint=0.0.0.0:0"))
                        .hostPort()
                        .isWildcard())
                .isTrue();
    }

    @Test
    void refusesWhatIsNotAnAeronAddressAndSaysWhatToWrite() {
        assertThatThrownBy(() -> AeronAddress.parse(URI.create("tcp://127.0.0.1:1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aeron:ipc");
        assertThatThrownBy(() -> AeronAddress.parse(URI.create("aeron://ipc"))).hasMessageContaining("no '//'");
        assertThatThrownBy(() -> AeronAddress.parse(URI.create("aeron:tcp")))
                .hasMessageContaining("neither ipc nor udp");
        assertThatThrownBy(() -> AeronAddress.parse(URI.create("aeron:udp")))
                .hasMessageContaining("aeron:udp?endpoint=host:port");
        assertThatThrownBy(() -> AeronAddress.parse(URI.create("aeron:udp?endpoint=host")))
                .hasMessageContaining("not host:port");
        assertThatThrownBy(() -> AeronAddress.parse(URI.create("aeron:udp?endpoint=host:99999")))
                .hasMessageContaining("no valid port");
        assertThatThrownBy(() -> AeronAddress.parse(URI.create("aeron:ipc?endpoint=h:1")))
                .hasMessageContaining("takes no endpoint");
        assertThatThrownBy(() -> AeronAddress.parse(URI.create("aeron:ipc?stream=x")))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> AeronAddress.parse(URI.create("aeron:ipc?colour=red")))
                .hasMessageContaining("unknown parameter 'colour'")
                .hasMessageContaining("term-length");
        assertThatThrownBy(() -> AeronAddress.parse(URI.create("aeron:ipc?stream")))
                .hasMessageContaining("has no value");
    }
}
