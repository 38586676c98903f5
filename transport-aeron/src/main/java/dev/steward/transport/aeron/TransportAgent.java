package dev.steward.transport.aeron;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;

/**
 * The process's one Aeron thread, {@code steward-aeron}: it runs the duty cycle of every media
 * driver link (the Aeron client's conductor, and the embedded driver itself in {@code invoker}
 * mode), every server and every connection. Everything that touches Aeron's publications,
 * subscriptions and images runs here, so none of it needs a lock; other threads hand work over
 * through {@link #execute}.
 *
 * <p>The thread starts with the first driver link and ends with the last: {@link #acquire} and
 * {@link #release} count the links. Its idle strategy comes from the settings of whoever started it
 * ({@code aeron.idle}, {@code aeron.idleMaxParkNs}). A shutdown hook closes what is still open when
 * the JVM exits, so that embedded drivers delete their directories.
 */
final class TransportAgent implements Agent {
    private static final System.Logger LOG = System.getLogger(TransportAgent.class.getName());
    private static final Object LOCK = new Object();
    private static final long SHUTDOWN_WAIT_MS = 2_000;
    /** How often resting duties run, for their timers (deadlines, the peer's process). */
    static final long SWEEP_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private static TransportAgent current; // guarded by LOCK

    private final ManyToOneConcurrentLinkedQueue<Runnable> commands = new ManyToOneConcurrentLinkedQueue<>();
    private final List<DriverLink> links = new ArrayList<>(); // agent-confined
    private final ManyToOneConcurrentLinkedQueue<Duty> woken = new ManyToOneConcurrentLinkedQueue<>();
    private final List<Duty> active = new ArrayList<>(); // agent-confined: run every cycle
    private final List<Duty> resting = new ArrayList<>(); // agent-confined: run every sweep
    private long nextSweepNs; // agent-confined
    private final AgentRunner runner;
    private final Thread shutdownHook;
    private final AeronSettings.Idle idle;
    private final long idleMaxParkNs;
    private final long idleYieldNs;
    private final int idleSpins;
    /** The {@code backoff} strategy, which wakes cheaply; {@code null} for the others. */
    private final AgentIdleStrategy backoff;
    /** Released when the JVM-exit clean-up has run, or when the thread ends: the hook waits for it. */
    private final CountDownLatch quiet = new CountDownLatch(1);

    private volatile Thread thread;
    private volatile boolean terminating;
    private int references; // guarded by LOCK

    private TransportAgent(AeronSettings settings) {
        ErrorHandler errors = TransportAgent::logError;
        IdleStrategy strategy = settings.idleStrategy();
        this.backoff = strategy instanceof AgentIdleStrategy a ? a : null;
        this.runner = new AgentRunner(strategy, errors, null, this);
        this.idle = settings.idle();
        this.idleMaxParkNs = settings.idleMaxParkNs();
        this.idleYieldNs = settings.idleYieldNs();
        this.idleSpins = settings.idleSpins();
        this.shutdownHook = new Thread(this::onJvmShutdown, "steward-aeron-shutdown");
    }

    /**
     * Takes a hold on the process's agent, starting it if none runs.
     *
     * @param settings the settings of whoever asks, used if the agent starts now
     * @return the agent
     */
    static TransportAgent acquire(AeronSettings settings) {
        synchronized (LOCK) {
            if (current == null) {
                TransportAgent agent = new TransportAgent(settings);
                AgentRunner.startOnThread(agent.runner, task -> {
                    Thread t = new AgentThread(task);
                    agent.thread = t;
                    return t;
                });
                Runtime.getRuntime().addShutdownHook(agent.shutdownHook);
                current = agent;
            }
            current.references++;
            if (current.idle != settings.idle()
                    || current.idleMaxParkNs != settings.idleMaxParkNs()
                    || current.idleYieldNs != settings.idleYieldNs()
                    || current.idleSpins != settings.idleSpins()) {
                LOG.log(
                        Level.WARNING,
                        "the steward-aeron thread of this process already runs with "
                                + AeronSettings.IDLE + "=" + current.idleDescription() + ", "
                                + AeronSettings.IDLE_MAX_PARK_NS + "=" + current.idleMaxParkNs + " and "
                                + AeronSettings.IDLE_YIELD_US + "=" + current.idleYieldNs / 1000 + " and "
                                + AeronSettings.IDLE_SPINS + "=" + current.idleSpins + "; "
                                + settings.name() + " asked for "
                                + settings.idle().name().toLowerCase(Locale.ROOT) + ", " + settings.idleMaxParkNs()
                                + ", " + settings.idleYieldNs() / 1000 + " and " + settings.idleSpins()
                                + ", which take effect only when the thread starts again");
            }
            return current;
        }
    }

    /** Lets go of a hold; the thread ends after the last. */
    void release() {
        synchronized (LOCK) {
            if (--references > 0) {
                return;
            }
            if (current == this) {
                current = null;
            }
        }
        terminating = true;
    }

    /**
     * Hands work to the agent's thread. Thread-safe.
     *
     * @param command runs on the agent's next duty cycle
     */
    void execute(Runnable command) {
        commands.offer(command);
    }

    /**
     * Wakes the agent if it is parked, so that a frame just queued leaves at once rather than after
     * the idle strategy's park, and so that it looks for the answer without parking. Costs no system
     * call while the agent runs. Thread-safe.
     */
    void wake() {
        Thread t = thread;
        if (t != null) {
            if (backoff != null) {
                backoff.wake(t);
            } else {
                LockSupport.unpark(t);
            }
        }
    }

    /**
     * Wakes the agent for an answer that a thread has waited for longer than usual: the agent then
     * yields for {@code windowNs} (if longer than its usual window) before it parks, so that an
     * answer that comes within that time is delivered at once. Thread-safe.
     *
     * @param windowNs how long the agent should look without parking
     */
    void wakeFor(long windowNs) {
        Thread t = thread;
        if (t != null) {
            if (backoff != null) {
                backoff.wakeFor(t, windowNs);
            } else {
                LockSupport.unpark(t);
            }
        }
    }

    /**
     * Wakes the agent for an answer that a caller parks for: the agent then looks without parking
     * until the answer is in, for at most {@code windowNs}. Thread-safe.
     *
     * @param answer the answer
     * @param windowNs the longest look
     */
    void lookFor(CompletableFuture<?> answer, long windowNs) {
        Thread t = thread;
        if (t != null && backoff != null) {
            backoff.lookFor(t, answer, windowNs);
        } else {
            wake(); // another idle strategy: no look to ask for
        }
    }

    /**
     * Lets the agent leave the yield window it entered on a wake-up: the answer it was woken for
     * has been read by the caller. Thread-safe.
     */
    void calm() {
        if (backoff != null) {
            backoff.calm();
        }
    }

    /**
     * Notes that a thread read a connection's replies by itself ({@link OutgoingConnection#poll}).
     * Thread-safe.
     *
     * @param nowNs {@link System#nanoTime()}
     */
    void readByCaller(long nowNs) {
        if (backoff != null) {
            backoff.readByCaller(nowNs);
        }
    }

    /**
     * Makes a resting duty run every cycle again, and wakes the agent. Thread-safe; cheap when the
     * duty is awake already.
     *
     * @param duty the duty
     */
    void wake(Duty duty) {
        if (duty.awake.compareAndSet(false, true)) {
            woken.offer(duty);
        }
        wake();
    }

    /**
     * Tells whether the caller runs on this agent's thread.
     *
     * @return {@code true} on the agent's thread
     */
    boolean onAgentThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Tells whether the caller runs on any Steward Aeron thread, where nothing may block.
     *
     * @return {@code true} on such a thread
     */
    static boolean onAnyAgentThread() {
        return Thread.currentThread() instanceof AgentThread;
    }

    /**
     * Starts running a driver link's duty cycle. Agent thread only.
     *
     * @param link the link
     */
    void addLink(DriverLink link) {
        links.add(link);
    }

    /**
     * Starts running a duty. Agent thread only.
     *
     * @param duty the duty
     */
    void addDuty(Duty duty) {
        active.add(duty);
    }

    @Override
    public int doWork() {
        long nowNs = System.nanoTime();
        int work = 0;
        for (int i = 0; i < links.size(); i++) {
            try {
                work += links.get(i).doWork(nowNs);
            } catch (RuntimeException e) {
                logError(e);
            }
        }
        Runnable command;
        while ((command = commands.poll()) != null) {
            work++;
            try {
                command.run();
            } catch (RuntimeException e) {
                logError(e);
            }
        }
        Duty wakened;
        while ((wakened = woken.poll()) != null) {
            if (wakened.resting) {
                wakened.resting = false; // left in the resting list; the sweep drops it from there
                active.add(wakened);
            }
        }
        for (int i = 0; i < active.size(); i++) {
            work += run(active.get(i), nowNs);
        }
        for (int i = active.size() - 1; i >= 0; i--) {
            Duty duty = active.get(i);
            if (duty.isFinished() || rests(duty)) {
                removeAt(active, i);
            }
        }
        if (nowNs - nextSweepNs >= 0) {
            nextSweepNs = nowNs + SWEEP_NS;
            work += sweep(nowNs);
        }
        if (terminating && links.isEmpty() && active.isEmpty() && resting.isEmpty() && commands.isEmpty()) {
            throw new AgentTerminationException();
        }
        return work;
    }

    private static int run(Duty duty, long nowNs) {
        try {
            return duty.doWork(nowNs);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a Steward Aeron duty failed; aborting it: " + duty, e);
            duty.abort();
            return 1;
        }
    }

    /** Moves an active duty with nothing to do to the resting list, unless work arrives meanwhile. */
    private boolean rests(Duty duty) {
        if (!duty.canRest()) {
            return false;
        }
        duty.awake.set(false);
        if (duty.canRest()) {
            duty.resting = true;
            resting.add(duty);
            return true;
        }
        // work arrived between the two checks: stay active; a wake-up queued meanwhile finds the
        // duty not resting and is ignored
        duty.awake.set(true);
        return false;
    }

    /** Runs the resting duties' timers; wakes those that found work. */
    private int sweep(long nowNs) {
        int work = 0;
        for (int i = resting.size() - 1; i >= 0; i--) {
            Duty duty = resting.get(i);
            if (!duty.resting) {
                removeAt(resting, i); // woken since: it is active
                continue;
            }
            work += run(duty, nowNs);
            if (duty.isFinished()) {
                duty.resting = false;
                removeAt(resting, i);
            } else if (!duty.canRest()) {
                duty.resting = false;
                duty.awake.set(true);
                removeAt(resting, i);
                active.add(duty);
            }
        }
        return work;
    }

    private static void removeAt(List<Duty> list, int i) {
        int last = list.size() - 1;
        list.set(i, list.get(last));
        list.remove(last);
    }

    @Override
    public void onClose() {
        quiet.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running, or has run
        }
    }

    @Override
    public String roleName() {
        return "steward-aeron";
    }

    @Override
    public String toString() {
        return "steward-aeron agent (idle " + idleDescription() + ", " + (terminating ? "ending" : "running") + ")";
    }

    /** At JVM exit: close everything at once, so that embedded drivers delete their directories. */
    private void onJvmShutdown() {
        execute(() -> {
            try {
                List<Duty> all = new ArrayList<>(active);
                all.addAll(resting);
                for (Duty duty : all) {
                    duty.abort();
                }
                active.clear();
                resting.clear();
                for (DriverLink link : new ArrayList<>(links)) {
                    link.closeNow();
                }
                links.clear();
            } finally {
                quiet.countDown();
            }
        });
        try {
            // a thread that has already ended (its last link closed) releases the latch itself
            if (!quiet.await(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS)) {
                LOG.log(
                        Level.WARNING,
                        "the steward-aeron thread did not close its drivers at JVM exit; deleting their"
                                + " directories anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        DriverLink.deleteEmbeddedDirectories();
    }

    private String idleDescription() {
        return idle.name().toLowerCase(Locale.ROOT);
    }

    static void logError(Throwable t) {
        if (t instanceof AgentTerminationException) {
            return;
        }
        LOG.log(Level.WARNING, "error on the steward-aeron thread", t);
    }

    /** The agent's thread: a daemon, so that it never keeps a JVM alive. */
    private static final class AgentThread extends Thread {
        AgentThread(Runnable task) {
            super(task, "steward-aeron");
            setDaemon(true);
        }
    }
}
