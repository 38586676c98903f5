package dev.steward.benchmarks.raw;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FragmentHandler;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.agrona.BufferUtil;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * The raw Aeron floor: a 64-byte ping-pong on IPC or UDP, with nothing of Steward in it. The pong
 * side (an embedded driver with one shared thread, and an echo thread with a back-off idle
 * strategy, as Steward's node runs) lives in the harness JVM; the ping side in a JVM of its own,
 * waiting for each reply with a yielding poll, as a synchronous Steward caller does.
 */
public final class RawAeronPingPong implements AutoCloseable {
    private static final int PING_STREAM = 7001;
    private static final int PONG_STREAM = 7002;
    private static final int PAYLOAD = 64;

    private final MediaDriver driver;
    private final Aeron aeron;
    private final Thread echo;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final String pingChannel;
    private final String pongChannel;
    private final Path dir;

    private RawAeronPingPong(boolean udp) throws Exception {
        dir = Files.createTempDirectory(
                Path.of(Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm" : "/tmp"), "steward-raw-aeron-");
        driver = MediaDriver.launch(new MediaDriver.Context()
                .aeronDirectoryName(dir.toString())
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true)
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new BackoffIdleStrategy())
                .ipcTermBufferLength(1 << 20)
                .publicationTermBufferLength(1 << 20));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(dir.toString()));
        if (udp) {
            int base = 41_000 + (int) (ProcessHandle.current().pid() % 10_000);
            pingChannel = "aeron:udp?endpoint=127.0.0.1:" + base;
            pongChannel = "aeron:udp?endpoint=127.0.0.1:" + (base + 1);
        } else {
            pingChannel = "aeron:ipc";
            pongChannel = "aeron:ipc";
        }
        Subscription pings = aeron.addSubscription(pingChannel, PING_STREAM);
        Publication pongs = aeron.addPublication(pongChannel, PONG_STREAM);
        echo = new Thread(
                () -> {
                    IdleStrategy idle = new BackoffIdleStrategy();
                    FragmentHandler handler = (buffer, offset, length, header) -> {
                        while (pongs.offer(buffer, offset, length) < 0 && running.get()) {
                            Thread.onSpinWait();
                        }
                    };
                    while (running.get()) {
                        idle.idle(pings.poll(handler, 16));
                    }
                },
                "raw-aeron-pong");
        echo.setDaemon(true);
        echo.start();
    }

    /**
     * Starts the pong side.
     *
     * @param udp UDP on loopback, or IPC
     * @return the pong side
     * @throws Exception if the driver cannot start
     */
    public static RawAeronPingPong start(boolean udp) throws Exception {
        return new RawAeronPingPong(udp);
    }

    /**
     * Returns the arguments the ping side needs.
     *
     * @param n round trips
     * @return arguments for {@link #main}
     */
    public String[] pingArgs(int n) {
        return new String[] {dir.toString(), pingChannel, pongChannel, Integer.toString(n)};
    }

    @Override
    public void close() throws Exception {
        running.set(false);
        echo.join(5_000);
        aeron.close();
        driver.close();
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /**
     * The ping side, in its own JVM: prints {@code RESULT <p50 us> <p99 us> <p99.9 us>}. For IPC it
     * uses the pong side's driver; for UDP a driver of its own, as a process on another host would.
     *
     * @param args the pong side's driver directory, the two channels, and the number of round trips
     * @throws Exception if Aeron fails
     */
    public static void main(String[] args) throws Exception {
        String pingChannel = args[1];
        String pongChannel = args[2];
        int n = Integer.parseInt(args[3]);
        boolean udp = pingChannel.startsWith("aeron:udp");
        MediaDriver own = null;
        String dir = args[0];
        if (udp) {
            Path mine = Files.createTempDirectory(
                    Path.of(Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm" : "/tmp"), "steward-raw-ping-");
            dir = mine.toString();
            own = MediaDriver.launch(new MediaDriver.Context()
                    .aeronDirectoryName(dir)
                    .dirDeleteOnStart(true)
                    .dirDeleteOnShutdown(true)
                    .threadingMode(ThreadingMode.SHARED)
                    .sharedIdleStrategy(new BackoffIdleStrategy())
                    .publicationTermBufferLength(1 << 20));
        }
        try (Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(dir));
                Publication pings = aeron.addPublication(pingChannel, PING_STREAM);
                Subscription pongs = aeron.addSubscription(pongChannel, PONG_STREAM)) {
            while (!pings.isConnected() || !pongs.isConnected()) {
                Thread.yield();
            }
            UnsafeBuffer msg = new UnsafeBuffer(BufferUtil.allocateDirectAligned(PAYLOAD, 64));
            int[] got = new int[1];
            FragmentHandler handler = (buffer, offset, length, header) -> got[0]++;
            IdleStrategy waiting = new YieldingIdleStrategy();
            Histogram h = new Histogram(3_600_000_000L, 3);
            for (int round = 0; round < 2; round++) {
                h.reset();
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    while (pings.offer(msg, 0, PAYLOAD) < 0) {
                        Thread.onSpinWait();
                    }
                    got[0] = 0;
                    while (got[0] == 0) {
                        waiting.idle(pongs.poll(handler, 1));
                    }
                    h.recordValue(System.nanoTime() - t);
                }
            }
            RoundTrips.printResult(h);
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }
}
