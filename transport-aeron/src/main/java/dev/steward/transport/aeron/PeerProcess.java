package dev.steward.transport.aeron;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The process at the other end of a connection on this host, watched so that its death is noticed
 * at once (a SIGKILL leaves Aeron streams open until a liveness timeout). A peer is watched only if
 * this process sees exactly that process: same host (shared memory, or the same Linux boot id), and
 * a process with that pid and that start time; otherwise (another host, another pid namespace) the
 * connection relies on Aeron's image liveness instead. All connections to one process share one
 * watch, which reads {@code /proc} at most once per check interval.
 */
final class PeerProcess {
    private static final Wire.Peer SELF = self();
    /** The processes watched now, one entry however many connections they have. */
    private static final Map<Long, PeerProcess> WATCHED = new HashMap<>(); // guarded by itself

    private final ProcessHandle handle;
    private final long startMillis;
    private int users; // guarded by WATCHED
    private long checkedAtNs; // guarded by this
    private boolean checked; // guarded by this
    private boolean alive = true; // guarded by this

    private PeerProcess(ProcessHandle handle, long startMillis) {
        this.handle = handle;
        this.startMillis = startMillis;
    }

    /**
     * Describes this process for the other end.
     *
     * @return pid, start time and host identity
     */
    static Wire.Peer local() {
        return SELF;
    }

    /**
     * Starts watching the peer's process if it can be watched from here; connections from one
     * process share one watch. Each successful call needs a {@link #release()}.
     *
     * @param peer what the peer said about itself
     * @param sameHost whether the streams prove that the peer runs on this host (IPC)
     * @return the process, or {@code null} if it cannot be watched from here (or is this process)
     */
    static PeerProcess acquire(Wire.Peer peer, boolean sameHost) {
        if (peer.pid() <= 0 || peer.pid() == SELF.pid() || peer.startMillis() == 0) {
            return null;
        }
        if (!sameHost && (SELF.host().isEmpty() || !SELF.host().equals(peer.host()))) {
            return null;
        }
        synchronized (WATCHED) {
            PeerProcess watched = WATCHED.get(peer.pid());
            if (watched == null || watched.startMillis != peer.startMillis()) {
                Optional<ProcessHandle> handle = ProcessHandle.of(peer.pid());
                if (handle.isEmpty() || DriverDirectories.startMillis(handle.get()) != peer.startMillis()) {
                    return null;
                }
                watched = new PeerProcess(handle.get(), peer.startMillis());
                WATCHED.put(peer.pid(), watched);
            }
            watched.users++;
            return watched;
        }
    }

    /** Stops one connection's use of the watch. */
    void release() {
        synchronized (WATCHED) {
            if (--users == 0) {
                WATCHED.remove(handle.pid(), this);
            }
        }
    }

    /**
     * Tells whether the process still runs; a pid reused by another process does not count. Reads
     * the OS at most once per {@code maxAgeNs}, however many connections ask.
     *
     * @param nowNs the time
     * @param maxAgeNs how old an answer may be
     * @return {@code false} once it has ended
     */
    synchronized boolean isAlive(long nowNs, long maxAgeNs) {
        if (alive && (!checked || nowNs - checkedAtNs >= maxAgeNs)) {
            alive = handle.isAlive();
            checked = true;
            checkedAtNs = nowNs;
        }
        return alive;
    }

    /**
     * Returns the process id.
     *
     * @return the pid
     */
    long pid() {
        return handle.pid();
    }

    /** For tests: how many processes are watched now. */
    static int watchedForTests() {
        synchronized (WATCHED) {
            return WATCHED.size();
        }
    }

    private static Wire.Peer self() {
        ProcessHandle me = ProcessHandle.current();
        return new Wire.Peer(me.pid(), DriverDirectories.startMillis(me), bootId());
    }

    private static String bootId() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id"), StandardCharsets.US_ASCII)
                    .trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
