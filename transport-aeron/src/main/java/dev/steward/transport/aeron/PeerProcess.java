package dev.steward.transport.aeron;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The process at the other end of a connection on this host, watched so that its death is noticed
 * at once (a SIGKILL leaves Aeron streams open until a liveness timeout). A peer is watched only if
 * this process sees exactly that process: same host (shared memory, or the same Linux boot id), and
 * a process with that pid and that start time; otherwise (another host, another pid namespace) the
 * connection relies on Aeron's image liveness instead.
 */
final class PeerProcess {
    private static final Wire.Peer SELF = self();

    private final ProcessHandle handle;

    private PeerProcess(ProcessHandle handle) {
        this.handle = handle;
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
     * Finds the peer's process if it can be watched from here.
     *
     * @param peer what the peer said about itself
     * @param sameHost whether the streams prove that the peer runs on this host (IPC)
     * @return the process, or {@code null} if it cannot be watched from here (or is this process)
     */
    static PeerProcess find(Wire.Peer peer, boolean sameHost) {
        if (peer.pid() <= 0 || peer.pid() == SELF.pid()) {
            return null;
        }
        if (!sameHost && (SELF.host().isEmpty() || !SELF.host().equals(peer.host()))) {
            return null;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(peer.pid());
        if (handle.isEmpty()) {
            return null;
        }
        long start = DriverDirectories.startMillis(handle.get());
        if (peer.startMillis() == 0 || start == 0 || start != peer.startMillis()) {
            return null;
        }
        return new PeerProcess(handle.get());
    }

    /**
     * Tells whether the process still runs; a pid reused by another process does not count.
     *
     * @return {@code false} once it has ended
     */
    boolean isAlive() {
        return handle.isAlive();
    }

    /**
     * Returns the process id.
     *
     * @return the pid
     */
    long pid() {
        return handle.pid();
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
