package dev.steward.benchmarks.raw;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FragmentHandler;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * The raw Aeron floor of the two workloads that cross processes, {@code queue_roundtrips_s} and
 * {@code locked_increments_s}, on IPC or UDP: the server of {@link RawTcpWorkloads} (two queues of
 * longs, a first-come-first-served lock, a count), written directly on Aeron, and clients that
 * each send a 13-byte call and poll for the 8-byte answer on the calling thread. Nothing of Steward
 * is in it: no codec, no object table, no proxies, no authentication. Every process runs one
 * thread that does all its Aeron work (an embedded driver in invoker mode where it has one, the
 * client conductor in invoker mode), as Steward's transport thread does, and waits with the idle
 * strategy named by the system property {@code steward.raw.idle}: {@code yield} (the default:
 * {@code Thread.yield()} between polls, the fastest that does not spin on a machine whose cores
 * the processes share) or {@code backoff} (Agrona's spin, yield, then park up to 1 ms).
 *
 * <p>On IPC every client uses the server's driver; on UDP each client process has a driver of its
 * own, as a process on another host would. The server runs in the harness JVM ({@link #start});
 * the echo, the queue client and each lock worker in JVMs of their own ({@link #main}).
 */
public final class RawAeronWorkloads implements RawWorkloadServer {
    private static final int REQUEST_STREAM = 7101;
    private static final int REPLY_STREAM = 7102;
    private static final String TERM = "term-length=65536";
    private static final int REQUEST_LENGTH = 13;
    private static final long GIVE_UP_NS = TimeUnit.SECONDS.toNanos(10);

    private final Path dir;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final AgentInvoker driverInvoker;
    private final String requestChannel;
    private final boolean udp;
    private final RawWorkloadState<Integer> state;
    private final Map<Integer, ExclusivePublication> replies = new HashMap<>();
    private final UnsafeBuffer answer = new UnsafeBuffer(BufferUtil.allocateDirectAligned(64, 64));
    private final Thread thread;
    private volatile boolean running = true;

    private RawAeronWorkloads(boolean udp, int workers) throws IOException {
        this.udp = udp;
        this.dir = tempDir("steward-raw-workloads-");
        this.driver = launchDriver(dir);
        this.driverInvoker = driver.sharedAgentInvoker();
        this.aeron = connect(dir, driverInvoker);
        int port = 42_000 + (int) (ProcessHandle.current().pid() % 10_000);
        this.requestChannel = udp ? "aeron:udp?endpoint=127.0.0.1:" + port : "aeron:ipc";
        Subscription requests = aeron.addSubscription(requestChannel, REQUEST_STREAM);
        this.state = new RawWorkloadState<>(workers, this::answer);
        this.thread = new Thread(() -> serve(requests), "raw-aeron-workloads");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts the server: its driver, and a thread that polls for calls and answers them.
     *
     * @param udp UDP on loopback, or IPC
     * @param workers how many lock workers the locked run waits for before it starts the clock
     * @return the server
     * @throws IOException if the driver's directory cannot be made
     */
    public static RawAeronWorkloads start(boolean udp, int workers) throws IOException {
        return new RawAeronWorkloads(udp, workers);
    }

    /** Returns the server driver's directory and the request channel. */
    @Override
    public List<String> clientArgs() {
        return List.of(dir.toString(), requestChannel);
    }

    @Override
    public double[] lockedResult(Duration timeout) throws Exception {
        return state.locked().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        running = false;
        thread.join(5_000);
        aeron.close();
        driver.close();
        deleteDir(dir);
    }

    private void serve(Subscription requests) {
        IdleStrategy idle = idleStrategy();
        FragmentHandler handler = (buffer, offset, length, header) -> {
            int client = buffer.getInt(offset);
            byte op = buffer.getByte(offset + 4);
            if (!state.onCall(client, op, buffer.getLong(offset + 5))) {
                System.err.println("raw Aeron server: unknown call " + op + " from " + client);
            }
        };
        AgentInvoker conductor = aeron.conductorAgentInvoker();
        while (running) {
            int work = driverInvoker.invoke() + conductor.invoke() + requests.poll(handler, 16);
            idle.idle(work);
        }
    }

    /** Sends a client its answer, on the server's thread; a client is named by its reply stream (IPC) or port. */
    private void answer(int client, long value) {
        ExclusivePublication pub = replies.computeIfAbsent(
                client,
                c -> udp
                        ? aeron.addExclusivePublication("aeron:udp?endpoint=127.0.0.1:" + c + "|" + TERM, REPLY_STREAM)
                        : aeron.addExclusivePublication("aeron:ipc?" + TERM, c));
        answer.putLong(0, value);
        long deadline = System.nanoTime() + GIVE_UP_NS;
        while (pub.offer(answer, 0, 8) < 0) {
            if (System.nanoTime() > deadline) {
                System.err.println("raw Aeron server: client " + client + " does not take its answers");
                return;
            }
            driverInvoker.invoke();
            aeron.conductorAgentInvoker().invoke();
            Thread.yield();
        }
    }

    /** A client: one call at a time, polled for on the calling thread, which does all the Aeron work. */
    private static final class Client implements RawWorkloadState.Client, AutoCloseable {
        private final MediaDriver own;
        private final Path ownDir;
        private final AgentInvoker driverInvoker;
        private final Aeron aeron;
        private final AgentInvoker conductor;
        private final ExclusivePublication requests;
        private final Subscription replies;
        private final int id;
        private final UnsafeBuffer call = new UnsafeBuffer(BufferUtil.allocateDirectAligned(64, 64));
        private final IdleStrategy idle = idleStrategy();
        private final FragmentHandler onAnswer;
        private long answer;
        private boolean answered;

        Client(String serverDir, String requestChannel) throws IOException {
            boolean udp = requestChannel.startsWith("aeron:udp");
            if (udp) {
                ownDir = tempDir("steward-raw-client-");
                own = launchDriver(ownDir);
                driverInvoker = own.sharedAgentInvoker();
                aeron = connect(ownDir, driverInvoker);
            } else {
                ownDir = null;
                own = null;
                driverInvoker = null;
                aeron = connect(Path.of(serverDir), null);
            }
            conductor = aeron.conductorAgentInvoker();
            if (udp) {
                replies = aeron.addSubscription("aeron:udp?endpoint=127.0.0.1:0", REPLY_STREAM);
                String port;
                while ((port = replies.tryResolveChannelEndpointPort()) == null) {
                    work();
                }
                id = Integer.parseInt(port.substring(port.lastIndexOf(':') + 1));
            } else {
                id = 0x4000_0000 | (int) (ProcessHandle.current().pid() & 0x3FFF_FFFF);
                replies = aeron.addSubscription("aeron:ipc", id);
            }
            requests = aeron.addExclusivePublication(requestChannel + (udp ? "|" : "?") + TERM, REQUEST_STREAM);
            while (!requests.isConnected()) {
                idle.idle(work());
            }
            onAnswer = this::onAnswer;
        }

        private void onAnswer(DirectBuffer buffer, int offset, int length, io.aeron.logbuffer.Header header) {
            answer = buffer.getLong(offset);
            answered = true;
        }

        private int work() {
            return (driverInvoker == null ? 0 : driverInvoker.invoke()) + conductor.invoke();
        }

        @Override
        public long call(byte op, long arg) {
            call.putInt(0, id);
            call.putByte(4, op);
            call.putLong(5, arg);
            while (requests.offer(call, 0, REQUEST_LENGTH) < 0) {
                idle.idle(work());
            }
            answered = false;
            idle.reset();
            while (!answered) {
                int work = replies.poll(onAnswer, 1);
                if (work == 0) {
                    work = work();
                }
                idle.idle(work);
            }
            return answer;
        }

        @Override
        public void close() throws IOException {
            requests.close();
            replies.close();
            aeron.close();
            if (own != null) {
                own.close();
                deleteDir(ownDir);
            }
        }
    }

    private static IdleStrategy idleStrategy() {
        return switch (System.getProperty("steward.raw.idle", "yield")) {
            case "yield" -> new YieldingIdleStrategy();
            case "backoff" -> new BackoffIdleStrategy();
            default -> throw new IllegalArgumentException("steward.raw.idle is yield or backoff");
        };
    }

    private static Path tempDir(String prefix) throws IOException {
        return Files.createTempDirectory(Path.of(Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm" : "/tmp"), prefix);
    }

    private static MediaDriver launchDriver(Path dir) {
        return MediaDriver.launch(new MediaDriver.Context()
                .aeronDirectoryName(dir.toString())
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true)
                .threadingMode(ThreadingMode.INVOKER)
                .ipcTermBufferLength(1 << 16)
                .publicationTermBufferLength(1 << 16));
    }

    private static Aeron connect(Path dir, AgentInvoker driverInvoker) {
        Aeron.Context ctx =
                new Aeron.Context().aeronDirectoryName(dir.toString()).useConductorAgentInvoker(true);
        if (driverInvoker != null) {
            ctx.driverAgentInvoker(driverInvoker);
        }
        return Aeron.connect(ctx);
    }

    private static void deleteDir(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /**
     * One client, in its own JVM: {@code <role> <count> <directory> <channel>}, the roles of {@link
     * RawWorkloadState.Client#run}.
     *
     * @param args the role, a count, the server driver's directory and the request channel
     * @throws Exception if Aeron fails
     */
    public static void main(String[] args) throws Exception {
        try (Client c = new Client(args[2], args[3])) {
            c.run(args[0], Long.parseLong(args[1]));
        }
    }
}
