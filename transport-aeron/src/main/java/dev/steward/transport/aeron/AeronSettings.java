package dev.steward.transport.aeron;

import dev.steward.spi.TransportConfig;
import io.aeron.logbuffer.LogBufferDescriptor;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.agrona.SystemUtil;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * The options one server or connection runs with, read once from the manager's options and the
 * address (the address wins). See the module's README for what each does.
 *
 * @param maxFrameBytes the largest incoming frame
 * @param name a name for diagnostics
 * @param directory an external media driver's directory, or {@code null} for the embedded driver
 * @param idle how the transport thread waits when there is nothing to do
 * @param idleMaxParkNs the longest park of the {@code backoff} strategy, the period of {@code sleep}
 * @param idleYieldNs how long the {@code backoff} strategy yields after work before it parks
 * @param idleSpins how many times the {@code backoff} strategy busy-spins after work before it yields
 * @param callerReadNs how long a caller waiting for an answer over IPC reads the replies by itself,
 *     yielding between looks, before it parks and leaves them to the transport thread; 0 never
 * @param callerDrives whether a caller waiting for an answer over UDP runs the process's embedded
 *     media driver itself while it looks, rather than leaving that to the transport thread
 * @param driverThreading how the embedded media driver runs
 * @param termLength the term length of the publications this side creates
 * @param mtu the UDP MTU of the publications this side creates; 0 for Aeron's default
 * @param connectTimeoutNs how long connecting (or a node's reply path) may take
 * @param closeTimeoutNs how long {@code close()} lets queued frames leave
 * @param maxQueuedBytes outgoing bytes a peer may leave unread before its connection is closed
 * @param imageLivenessTimeoutNs how long the embedded driver keeps a silent UDP stream
 * @param peerCheckNs how often a same-host peer's process is checked; 0 never
 */
record AeronSettings(
        int maxFrameBytes,
        String name,
        String directory,
        Idle idle,
        long idleMaxParkNs,
        long idleYieldNs,
        int idleSpins,
        long callerReadNs,
        boolean callerDrives,
        DriverThreading driverThreading,
        int termLength,
        int mtu,
        long connectTimeoutNs,
        long closeTimeoutNs,
        long maxQueuedBytes,
        long imageLivenessTimeoutNs,
        long peerCheckNs) {
    static final String DIR = "aeron.dir";
    static final String IDLE = "aeron.idle";
    static final String IDLE_MAX_PARK_NS = "aeron.idleMaxParkNs";
    static final String IDLE_YIELD_US = "aeron.idleYieldUs";
    static final String IDLE_SPINS = "aeron.idleSpins";
    static final String CALLER_READ_US = "aeron.callerReadUs";
    static final String CALLER_DRIVES = "aeron.callerDrives";
    static final String DRIVER_THREADING = "aeron.driverThreading";
    static final String TERM_LENGTH = "aeron.termLength";
    static final String MTU = "aeron.mtu";
    static final String CONNECT_TIMEOUT_MS = "aeron.connectTimeoutMs";
    static final String CLOSE_TIMEOUT_MS = "aeron.closeTimeoutMs";
    static final String MAX_QUEUED_BYTES = "aeron.maxQueuedBytes";
    static final String IMAGE_LIVENESS_TIMEOUT_MS = "aeron.imageLivenessTimeoutMs";
    static final String PEER_CHECK_MS = "aeron.peerCheckMs";

    /** Every option this transport reads. */
    static final Set<String> KNOWN = Set.of(
            DIR,
            IDLE,
            IDLE_MAX_PARK_NS,
            IDLE_YIELD_US,
            IDLE_SPINS,
            CALLER_READ_US,
            CALLER_DRIVES,
            DRIVER_THREADING,
            TERM_LENGTH,
            MTU,
            CONNECT_TIMEOUT_MS,
            CLOSE_TIMEOUT_MS,
            MAX_QUEUED_BYTES,
            IMAGE_LIVENESS_TIMEOUT_MS,
            PEER_CHECK_MS);

    static final int DEFAULT_TERM_LENGTH = 1024 * 1024;
    static final long DEFAULT_IDLE_MAX_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);
    static final long DEFAULT_IDLE_YIELD_US = 100;
    /**
     * Busy spins of {@code backoff} before it yields, by default: none, since a spinning thread holds
     * a processor that another busy thread may need (see {@link AgentIdleStrategy}). With spare
     * cores, {@code aeron.idleSpins} (a few hundred) trades that for a lower latency.
     */
    static final int DEFAULT_IDLE_SPINS = 0;
    /**
     * How long a caller waiting over IPC reads by itself, by default: long enough for the waits of
     * a contended lock or a queue fed by another process on a small machine (a few hundred
     * microseconds), short enough that a call waiting for seconds costs little processor time.
     */
    static final long DEFAULT_CALLER_READ_US = 1_000;

    static final long DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
    static final long DEFAULT_CLOSE_TIMEOUT_MS = 5_000;
    static final long DEFAULT_MAX_QUEUED_BYTES = 64L * 1024 * 1024;
    static final long DEFAULT_IMAGE_LIVENESS_TIMEOUT_MS = 2_000;
    static final long DEFAULT_PEER_CHECK_MS = 100;

    /** How the transport thread waits when idle. */
    enum Idle {
        /**
         * Yield for {@code aeron.idleYieldUs} after the last work (or a wake-up), then park for
         * longer and longer, up to the maximum park.
         */
        BACKOFF,
        /** Park for the maximum park every time. */
        SLEEP,
        /** {@link Thread#yield()}: a core stays busy. */
        YIELD,
        /** Busy-spin: a core stays busy, the lowest latency. */
        SPIN;

        IdleStrategy create(long maxParkNs, long yieldNs, int spins) {
            switch (this) {
                case SLEEP:
                    return new SleepingIdleStrategy(maxParkNs);
                case YIELD:
                    return YieldingIdleStrategy.INSTANCE;
                case SPIN:
                    return BusySpinIdleStrategy.INSTANCE;
                case BACKOFF:
                default:
                    return new AgentIdleStrategy(
                            spins, yieldNs, BackoffIdleStrategy.DEFAULT_MIN_PARK_PERIOD_NS, maxParkNs);
            }
        }
    }

    /** How the embedded media driver runs. */
    enum DriverThreading {
        /** On Steward's transport thread: no thread of its own. */
        INVOKER,
        /** On one thread of its own, with the backoff strategy whatever {@code aeron.idle} says. */
        SHARED
    }

    /**
     * Reads the settings of a server or connection.
     *
     * @param config the runtime's config
     * @param address the address, whose options win over the config's
     * @return the settings
     * @throws IllegalArgumentException if an option is unknown or malformed
     */
    static AeronSettings from(TransportConfig config, AeronAddress address) {
        if (config.maxFrameBytes() <= 0) {
            throw new IllegalArgumentException("maxFrameBytes must be positive, not " + config.maxFrameBytes());
        }
        Map<String, String> options = new HashMap<>();
        config.options().forEach((key, value) -> {
            if (key.startsWith("aeron.")) {
                if (!KNOWN.contains(key)) {
                    throw new IllegalArgumentException("unknown Aeron transport option '" + key + "'; known: "
                            + String.join(", ", new java.util.TreeSet<>(KNOWN)));
                }
                options.put(key, value);
            }
        });
        options.putAll(address.options());
        int termLength = (int) size(options, TERM_LENGTH, DEFAULT_TERM_LENGTH);
        try {
            LogBufferDescriptor.checkTermLength(termLength);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(
                    TERM_LENGTH + " (term-length) must be a power of two from 64k to 1g, not "
                            + options.get(TERM_LENGTH),
                    e);
        }
        int mtu = (int) size(options, MTU, 0);
        if (mtu != 0 && (mtu < 64 || mtu > 65_504 || mtu % 32 != 0)) {
            throw new IllegalArgumentException(
                    MTU + " (mtu) must be a multiple of 32 from 64 to 65504, not " + options.get(MTU));
        }
        String directory = options.get(DIR);
        if (directory != null && directory.isBlank()) {
            throw new IllegalArgumentException(DIR + " must name a directory");
        }
        return new AeronSettings(
                config.maxFrameBytes(),
                config.name(),
                directory,
                choice(options, IDLE, Idle.class, Idle.BACKOFF),
                positive(options, IDLE_MAX_PARK_NS, DEFAULT_IDLE_MAX_PARK_NS, TimeUnit.SECONDS.toNanos(1)),
                TimeUnit.MICROSECONDS.toNanos(positive(options, IDLE_YIELD_US, DEFAULT_IDLE_YIELD_US, 1_000_000, true)),
                (int) positive(options, IDLE_SPINS, DEFAULT_IDLE_SPINS, 1_000_000, true),
                TimeUnit.MICROSECONDS.toNanos(
                        positive(options, CALLER_READ_US, DEFAULT_CALLER_READ_US, 1_000_000, true)),
                bool(options, CALLER_DRIVES, true),
                choice(options, DRIVER_THREADING, DriverThreading.class, DriverThreading.INVOKER),
                termLength,
                mtu,
                millis(options, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS, false),
                millis(options, CLOSE_TIMEOUT_MS, DEFAULT_CLOSE_TIMEOUT_MS, false),
                positive(options, MAX_QUEUED_BYTES, DEFAULT_MAX_QUEUED_BYTES, Long.MAX_VALUE),
                millis(options, IMAGE_LIVENESS_TIMEOUT_MS, DEFAULT_IMAGE_LIVENESS_TIMEOUT_MS, false),
                millis(options, PEER_CHECK_MS, DEFAULT_PEER_CHECK_MS, true));
    }

    /**
     * Returns the idle strategy for the transport thread.
     *
     * @return a new strategy
     */
    IdleStrategy idleStrategy() {
        return idle.create(idleMaxParkNs, idleYieldNs, idleSpins);
    }

    private static <E extends Enum<E>> E choice(Map<String, String> options, String key, Class<E> type, E def) {
        String text = options.get(key);
        if (text == null) {
            return def;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder known = new StringBuilder();
            for (E e2 : type.getEnumConstants()) {
                known.append(known.length() == 0 ? "" : ", ").append(e2.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException(key + " must be one of " + known + ", not '" + text + "'", e);
        }
    }

    private static boolean bool(Map<String, String> options, String key, boolean def) {
        String text = options.get(key);
        if (text == null) {
            return def;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not '" + text + "'");
        };
    }

    private static long size(Map<String, String> options, String key, long def) {
        String text = options.get(key);
        if (text == null) {
            return def;
        }
        try {
            long value = SystemUtil.parseSize(key, text.trim());
            if (value >= 0 && value <= Integer.MAX_VALUE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a size such as 65536, 64k or 1m, not '" + text + "'");
    }

    private static long millis(Map<String, String> options, String key, long defaultMillis, boolean zeroAllowed) {
        long ms = positive(options, key, defaultMillis, Long.MAX_VALUE / 1_000_000, zeroAllowed);
        return TimeUnit.MILLISECONDS.toNanos(ms);
    }

    private static long positive(Map<String, String> options, String key, long def, long max) {
        return positive(options, key, def, max, false);
    }

    private static long positive(Map<String, String> options, String key, long def, long max, boolean zeroAllowed) {
        String text = options.get(key);
        if (text == null) {
            return def;
        }
        try {
            long value = Long.parseLong(text.trim());
            if ((value > 0 || (zeroAllowed && value == 0)) && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a " + (zeroAllowed ? "" : "positive ")
                + "whole number up to " + max + ", not '" + text + "'");
    }
}
