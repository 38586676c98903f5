package dev.steward.transport.aeron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.spi.TransportConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.junit.jupiter.api.Test;

class AeronSettingsTest {
    private static AeronSettings settings(Map<String, String> options, String address) {
        return AeronSettings.from(
                new TransportConfig(16 << 20, Duration.ofSeconds(10), "test", options),
                AeronAddress.parse(URI.create(address)));
    }

    @Test
    void defaultsAreLowIdleAndModest() {
        AeronSettings s = settings(Map.of(), "aeron:ipc");
        assertThat(s.idle()).isEqualTo(AeronSettings.Idle.BACKOFF);
        assertThat(s.idleStrategy()).isInstanceOf(AgentIdleStrategy.class);
        assertThat(s.idleMaxParkNs()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(s.idleYieldNs()).isEqualTo(TimeUnit.MICROSECONDS.toNanos(100));
        assertThat(s.idleSpins()).isZero();
        assertThat(s.idleStrategy().toString()).contains("spins=0,");
        assertThat(s.callerReadNs()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(s.driverThreading()).isEqualTo(AeronSettings.DriverThreading.INVOKER);
        assertThat(s.termLength()).isEqualTo(1024 * 1024);
        assertThat(s.mtu()).isZero();
        assertThat(s.directory()).isNull();
        assertThat(s.connectTimeoutNs()).isEqualTo(TimeUnit.SECONDS.toNanos(5));
        assertThat(s.closeTimeoutNs()).isEqualTo(TimeUnit.SECONDS.toNanos(5));
        assertThat(s.maxQueuedBytes()).isEqualTo(64L << 20);
        assertThat(s.imageLivenessTimeoutNs()).isEqualTo(TimeUnit.SECONDS.toNanos(2));
        assertThat(s.peerCheckNs()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(s.maxFrameBytes()).isEqualTo(16 << 20);
    }

    @Test
    void theAddressWinsOverTheManagersOptions() {
        AeronSettings s = settings(
                Map.of("aeron.termLength", "128k", "aeron.idle", "spin", "netty.transport", "nio"),
                "aeron:ipc?term-length=64k&aeron.peerCheckMs=0");
        assertThat(s.termLength()).isEqualTo(64 * 1024);
        assertThat(s.idleStrategy()).isInstanceOf(BusySpinIdleStrategy.class);
        assertThat(s.peerCheckNs()).isZero();
        assertThat(settings(Map.of("aeron.idle", "SLEEP"), "aeron:ipc").idleStrategy())
                .isInstanceOf(SleepingIdleStrategy.class);
        assertThat(settings(Map.of("aeron.idleYieldUs", "250"), "aeron:ipc?aeron.idleYieldUs=0")
                        .idleYieldNs())
                .isZero();
        AeronSettings spinning = settings(Map.of("aeron.idleSpins", "200"), "aeron:ipc");
        assertThat(spinning.idleSpins()).isEqualTo(200);
        assertThat(spinning.idleStrategy().toString()).contains("spins=200,");
        assertThat(settings(Map.of("aeron.callerReadUs", "250"), "aeron:ipc").callerReadNs())
                .isEqualTo(TimeUnit.MICROSECONDS.toNanos(250));
        assertThat(settings(Map.of(), "aeron:ipc?aeron.callerReadUs=0").callerReadNs())
                .isZero();
        assertThat(settings(Map.of(), "aeron:ipc").callerDrives()).isTrue();
        assertThat(settings(Map.of("aeron.callerDrives", "false"), "aeron:ipc").callerDrives())
                .isFalse();
        assertThat(settings(Map.of("aeron.callerDrives", "false"), "aeron:ipc?aeron.callerDrives=TRUE")
                        .callerDrives())
                .isTrue();
    }

    @Test
    void refusesMalformedOptionsWithTheirNames() {
        assertThatThrownBy(() -> settings(Map.of("aeron.termLength", "100k"), "aeron:ipc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> settings(Map.of("aeron.termLength", "lots"), "aeron:ipc"))
                .hasMessageContaining("aeron.termLength must be a size");
        assertThatThrownBy(() -> settings(Map.of("aeron.mtu", "1000"), "aeron:ipc"))
                .hasMessageContaining("multiple of 32");
        assertThatThrownBy(() -> settings(Map.of("aeron.idle", "nap"), "aeron:ipc"))
                .hasMessageContaining("backoff, sleep, yield, spin");
        assertThatThrownBy(() -> settings(Map.of("aeron.idleYieldUs", "-1"), "aeron:ipc"))
                .hasMessageContaining("aeron.idleYieldUs must be a whole number");
        assertThatThrownBy(() -> settings(Map.of("aeron.idleSpins", "-5"), "aeron:ipc"))
                .hasMessageContaining("aeron.idleSpins must be a whole number");
        assertThatThrownBy(() -> settings(Map.of("aeron.callerReadUs", "2000000"), "aeron:ipc"))
                .hasMessageContaining("aeron.callerReadUs must be a whole number up to 1000000");
        assertThatThrownBy(() -> settings(Map.of("aeron.callerDrives", "yes"), "aeron:ipc"))
                .hasMessageContaining("aeron.callerDrives must be true or false, not 'yes'");
        assertThatThrownBy(() -> settings(Map.of("aeron.connectTimeoutMs", "0"), "aeron:ipc"))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> settings(Map.of("aeron.tremLength", "64k"), "aeron:ipc"))
                .hasMessageContaining("unknown Aeron transport option 'aeron.tremLength'");
    }
}
