package dev.steward.transport.aeron;

import io.aeron.Aeron;
import io.aeron.AeronCounters;
import io.aeron.CommonContext;
import io.aeron.ExclusivePublication;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.exceptions.DriverTimeoutException;
import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.status.CountersReader;

/**
 * This process's Aeron client for one media driver directory, shared by every server and
 * connection that uses that driver, and counted: the last to {@link #release} closes it.
 *
 * <p>The process's <em>embedded</em> link also owns the driver: launched on first use in a fresh
 * directory of its own (see {@link DriverDirectories}), after deleting stale directories of ended
 * processes, and closed, directory and all, with the link. An <em>external</em> link only connects
 * to a driver that runs elsewhere: a standalone driver named by {@code aeron.dir}, or, for a client
 * on {@code aeron:ipc}, the node's own embedded driver, whose directory the node's address names.
 *
 * <p>The Aeron client runs its conductor through an invoker on the {@link TransportAgent}'s thread,
 * and an embedded driver in {@code invoker} mode runs there too, so that a process has one Steward
 * Aeron thread in all.
 */
final class DriverLink {
    private static final System.Logger LOG = System.getLogger(DriverLink.class.getName());
    /** Guards the open links and their counts; held only briefly, since the agent's thread takes it. */
    private static final Object LOCK = new Object();
    /** Serializes the slow work of opening links (launching a driver, waiting for one). */
    private static final Object CREATING = new Object();

    private static final Map<Path, DriverLink> OPEN = new HashMap<>(); // guarded by LOCK
    private static final Set<Path> EMBEDDED_DIRECTORIES = ConcurrentHashMap.newKeySet();
    /** How long a closed UDP publication may take to send what it holds before its driver closes. */
    private static final long LINGER_NS = TimeUnit.MILLISECONDS.toNanos(500);
    /** How often the embedded driver checks its timeouts. */
    private static final long TIMER_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private static DriverLink embedded; // guarded by LOCK

    private final Path directory;
    private final TransportAgent agent;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final AgentInvoker driverInvoker;
    private final AgentInvoker conductor;
    private final AeronSettings startedWith;
    private final List<Lingering> lingering = new ArrayList<>(); // agent-confined
    private int references = 1; // guarded by LOCK
    private volatile Throwable failure;
    private boolean released; // agent-confined
    private volatile boolean closed; // written by the agent
    /**
     * Held by the thread that runs the embedded driver's duty cycle at this moment: the agent, or a
     * caller waiting for its answer ({@link #drive}). Taken for good when the link closes.
     */
    private final AtomicBoolean driving = new AtomicBoolean();

    private DriverLink(Path directory, TransportAgent agent, MediaDriver driver, Aeron aeron, AeronSettings settings) {
        this.directory = directory;
        this.startedWith = settings;
        this.agent = agent;
        this.driver = driver;
        this.aeron = aeron;
        this.driverInvoker = driver == null ? null : driver.sharedAgentInvoker();
        this.conductor = aeron.conductorAgentInvoker();
    }

    /**
     * Takes a hold on this process's embedded driver, launching it if none runs.
     *
     * @param settings the settings of whoever asks, used if the driver starts now
     * @return the link
     * @throws IOException if the driver cannot start
     */
    static DriverLink embedded(AeronSettings settings) throws IOException {
        synchronized (CREATING) {
            synchronized (LOCK) {
                if (embedded != null) {
                    embedded.references++;
                    embedded.warnIfDifferent(settings);
                    return embedded;
                }
            }
            DriverDirectories.sweepStale();
            Path dir = DriverDirectories.newDirectory();
            TransportAgent agent = TransportAgent.acquire(settings);
            EMBEDDED_DIRECTORIES.add(dir);
            MediaDriver driver = null;
            try {
                driver = MediaDriver.launch(driverContext(dir, settings));
                Aeron aeron = Aeron.connect(clientContext(dir, settings, driver.sharedAgentInvoker()));
                DriverLink link = new DriverLink(dir, agent, driver, aeron, settings);
                synchronized (LOCK) {
                    embedded = link;
                    OPEN.put(dir, link);
                }
                agent.execute(() -> agent.addLink(link));
                LOG.log(Level.DEBUG, () -> "started an embedded Aeron media driver in " + dir);
                return link;
            } catch (RuntimeException e) {
                if (driver != null) {
                    driver.close();
                }
                DriverDirectories.delete(dir);
                EMBEDDED_DIRECTORIES.remove(dir);
                agent.release();
                throw new IOException("cannot start an embedded Aeron media driver in " + dir + ": " + e, e);
            }
        }
    }

    /**
     * Takes a hold on a link to the driver in a directory: this process's own if the directory is
     * one of its drivers', else a new client of a driver that runs elsewhere.
     *
     * @param directory the driver's directory
     * @param settings the settings of whoever asks
     * @return the link
     * @throws IOException if no driver runs there
     */
    static DriverLink forDirectory(Path directory, AeronSettings settings) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        synchronized (CREATING) {
            synchronized (LOCK) {
                DriverLink open = OPEN.get(dir);
                if (open != null) {
                    open.references++;
                    return open;
                }
            }
            checkDriverRuns(dir, settings);
            TransportAgent agent = TransportAgent.acquire(settings);
            try {
                Aeron aeron = Aeron.connect(clientContext(dir, settings, null));
                DriverLink link = new DriverLink(dir, agent, null, aeron, settings);
                synchronized (LOCK) {
                    OPEN.put(dir, link);
                }
                agent.execute(() -> agent.addLink(link));
                return link;
            } catch (RuntimeException e) {
                agent.release();
                throw new IOException("cannot connect to the Aeron media driver in " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    /** The embedded driver's settings are the first user's; says so to a later one that differs. */
    private void warnIfDifferent(AeronSettings settings) {
        if (settings.driverThreading() != startedWith.driverThreading()
                || settings.imageLivenessTimeoutNs() != startedWith.imageLivenessTimeoutNs()) {
            LOG.log(
                    Level.WARNING,
                    "this process's embedded Aeron media driver already runs with "
                            + AeronSettings.DRIVER_THREADING + "=" + startedWith.driverThreading() + " and "
                            + AeronSettings.IMAGE_LIVENESS_TIMEOUT_MS + "="
                            + startedWith.imageLivenessTimeoutNs() / 1_000_000
                            + "; the values " + settings.name() + " asked for take effect only when it starts again");
        }
    }

    private static void checkDriverRuns(Path dir, AeronSettings settings) throws IOException {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (DriverDirectories.owner(name) != null && !DriverDirectories.ownerAlive(name)) {
            throw new IOException("no Aeron media driver runs in " + dir + ": the process that started it ("
                    + DriverDirectories.owner(name)[0] + ") has ended; is the node still running?");
        }
        long timeoutMs = TimeUnit.NANOSECONDS.toMillis(settings.connectTimeoutNs());
        boolean active;
        try {
            active = Files.isDirectory(dir) && CommonContext.isDriverActive(dir.toFile(), timeoutMs, message -> {});
        } catch (RuntimeException e) {
            active = false;
        }
        if (!active) {
            throw new IOException("no Aeron media driver runs in " + dir + " (" + AeronSettings.DIR + "): start one"
                    + " there, or use the address the node reports, which names its driver");
        }
    }

    private static MediaDriver.Context driverContext(Path dir, AeronSettings settings) {
        return new MediaDriver.Context()
                .aeronDirectoryName(dir.toString())
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true)
                .warnIfDirectoryExists(false)
                .printConfigurationOnStart(false)
                .threadingMode(
                        settings.driverThreading() == AeronSettings.DriverThreading.SHARED
                                ? ThreadingMode.SHARED
                                : ThreadingMode.INVOKER)
                .sharedIdleStrategy(new BackoffIdleStrategy())
                .sharedThreadFactory(task -> {
                    Thread t = new Thread(task, "steward-aeron-driver");
                    t.setDaemon(true);
                    return t;
                })
                // name resolution on the driver's own duty cycle: no extra thread
                .asyncExecutorEnabled(false)
                .termBufferSparseFile(true)
                .ipcTermBufferLength(settings.termLength())
                .publicationTermBufferLength(settings.termLength())
                .imageLivenessTimeoutNs(settings.imageLivenessTimeoutNs())
                // state changes (such as an image's end after its liveness timeout) every 100 ms, not 1 s
                .timerIntervalNs(TIMER_INTERVAL_NS)
                .errorHandler(TransportAgent::logError);
    }

    private static Aeron.Context clientContext(Path dir, AeronSettings settings, AgentInvoker driverInvoker) {
        Aeron.Context context = new Aeron.Context()
                .aeronDirectoryName(dir.toString())
                .clientName("steward " + settings.name())
                .useConductorAgentInvoker(true)
                .errorHandler(TransportAgent::logError);
        if (driverInvoker != null) {
            context.driverAgentInvoker(driverInvoker);
        }
        return context;
    }

    /** Deletes the directories of this process's embedded drivers, at JVM exit. */
    static void deleteEmbeddedDirectories() {
        for (Path dir : EMBEDDED_DIRECTORIES) {
            DriverDirectories.delete(dir);
        }
    }

    /**
     * Returns the driver's directory.
     *
     * @return the directory
     */
    Path directory() {
        return directory;
    }

    /**
     * Tells whether this link owns its driver.
     *
     * @return {@code true} for the process's embedded driver
     */
    boolean isEmbedded() {
        return driver != null;
    }

    /**
     * Returns the Aeron client. Agent thread only.
     *
     * @return the client
     */
    Aeron aeron() {
        return aeron;
    }

    /**
     * Returns the agent that runs this link.
     *
     * @return the agent
     */
    TransportAgent agent() {
        return agent;
    }

    /**
     * Tells why the link no longer works: its driver stopped or timed this client out.
     *
     * @return the cause, or {@code null} while it works
     */
    Throwable failure() {
        return failure;
    }

    /**
     * Takes another hold on a link that is held already.
     *
     * @return this link
     */
    DriverLink retain() {
        synchronized (LOCK) {
            if (references == 0) {
                throw new IllegalStateException(this + " is closing");
            }
            references++;
        }
        return this;
    }

    /** Lets go of a hold. Thread-safe; the last closes the link on the agent's thread. */
    void release() {
        synchronized (LOCK) {
            if (--references > 0) {
                return;
            }
            OPEN.remove(directory, this);
            if (embedded == this) {
                embedded = null;
            }
        }
        agent.execute(() -> released = true);
    }

    /**
     * Keeps a closed UDP publication's driver running until the publication has sent what it
     * holds (its sender position reaches its position), at most {@link #LINGER_NS}. Agent thread.
     *
     * @param publication the publication, not yet closed
     */
    void linger(ExclusivePublication publication) {
        if (driver == null || publication.isClosed()) {
            publication.close();
            return;
        }
        lingering.add(new Lingering(publication, publication.position(), System.nanoTime() + LINGER_NS));
    }

    /**
     * Runs the driver's and the client's duty cycles. Agent thread.
     *
     * @param nowNs the time
     * @return the work done
     */
    int doWork(long nowNs) {
        if (closed) {
            return 0;
        }
        int work = 0;
        if (driverInvoker != null && driving.compareAndSet(false, true)) {
            try {
                work += driverInvoker.invoke();
            } finally {
                driving.set(false);
            }
        }
        work += conductor.invoke();
        if (failure == null && (aeron.isClosed() || conductor.isClosed())) {
            failure = new IOException("the Aeron client of the media driver in " + directory
                    + " stopped (the driver ended, or timed this process out)");
            LOG.log(Level.WARNING, failure.getMessage());
        }
        if (!lingering.isEmpty()) {
            work += sendLingering(nowNs);
        }
        if (released && lingering.isEmpty()) {
            close();
        }
        return work;
    }

    private int sendLingering(long nowNs) {
        int work = 0;
        CountersReader counters = failure == null ? aeron.countersReader() : null;
        for (int i = lingering.size() - 1; i >= 0; i--) {
            Lingering l = lingering.get(i);
            boolean sent = true;
            if (counters != null && nowNs - l.deadlineNs < 0) {
                int counter = counters.findByTypeIdAndRegistrationId(
                        AeronCounters.DRIVER_SENDER_POSITION_TYPE_ID, l.publication.registrationId());
                sent = counter == CountersReader.NULL_COUNTER_ID || counters.getCounterValue(counter) >= l.position;
            }
            if (sent) {
                l.publication.close();
                lingering.remove(i);
                work++;
            }
        }
        return work;
    }

    /**
     * Tells whether this link runs an embedded media driver, which {@link #drive} can run.
     *
     * @return {@code true} for the process's embedded driver
     */
    boolean runsDriver() {
        return driverInvoker != null;
    }

    /**
     * Runs the embedded driver's duty cycle (its conductor, sender and receiver) once on the calling
     * thread, unless another thread runs it at this moment, the link is closed, or there is no
     * running embedded driver. A caller waiting for an answer over UDP does so while it looks: its
     * request leaves and its answer comes in without a hand-over to the transport thread and back,
     * as in a process whose one thread does all its Aeron work. Any thread; one at a time, which
     * the driver needs (its agents are not thread-safe), with a happens-before edge from each
     * holder to the next.
     *
     * <p>It calls the driver's agent, not its {@code AgentInvoker}: the invoker stops the driver
     * for good, without a word, when a duty cycle with nothing to do runs on an interrupted thread,
     * which a caller's thread may be at any moment (the transport thread never is). A failure of
     * the duty cycle on a caller's thread is logged, and the transport thread's next duty cycle
     * meets whatever caused it. The driver's UDP channels are non-blocking, which an interrupt does
     * not close; the callers ({@link OutgoingConnection#poll}) do not run it on an interrupted
     * thread all the same, since a file channel of a log buffer the conductor is making at that
     * moment would close.
     *
     * @return the work done, or -1 if this thread did not run it
     */
    int drive() {
        if (driverInvoker == null || closed || !driverInvoker.isRunning() || !driving.compareAndSet(false, true)) {
            return -1;
        }
        try {
            return closed || !driverInvoker.isRunning()
                    ? -1
                    : driverInvoker.agent().doWork();
        } catch (Exception e) {
            if (!(e instanceof AgentTerminationException)) {
                LOG.log(
                        Level.WARNING,
                        "the embedded Aeron media driver's duty cycle failed on " + Thread.currentThread(),
                        e);
            }
            return -1;
        } finally {
            driving.set(false);
        }
    }

    /** Closes the link now, dropping what lingers. Agent thread. */
    void closeNow() {
        lingering.forEach(l -> l.publication.close());
        lingering.clear();
        close();
    }

    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!driving.compareAndSet(false, true)) {
            Thread.onSpinWait(); // a caller runs one duty cycle: wait for it, and none runs after
        }
        try {
            aeron.close();
        } catch (RuntimeException e) {
            if (!(e instanceof AgentTerminationException) && !(e instanceof DriverTimeoutException)) {
                LOG.log(Level.DEBUG, "closing the Aeron client of " + directory + " failed", e);
            }
        }
        if (driver != null) {
            try {
                driver.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing the embedded Aeron media driver in " + directory + " failed", e);
            }
            if (!DriverDirectories.delete(directory)) {
                LOG.log(Level.WARNING, "could not delete " + directory);
            }
            EMBEDDED_DIRECTORIES.remove(directory);
            LOG.log(Level.DEBUG, () -> "closed the embedded Aeron media driver in " + directory);
        }
        agent.release();
    }

    /**
     * Tells whether the link is closed. Any thread.
     *
     * @return {@code true} once closed
     */
    boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return (driver != null ? "embedded" : "external") + " Aeron media driver in " + directory;
    }

    /** A closed UDP publication still sending. */
    private record Lingering(ExclusivePublication publication, long position, long deadlineNs) {}

    /** For tests: the directory of this process's embedded driver, if one runs. */
    static File embeddedDirectoryForTests() {
        synchronized (LOCK) {
            return embedded == null ? null : embedded.directory.toFile();
        }
    }
}
