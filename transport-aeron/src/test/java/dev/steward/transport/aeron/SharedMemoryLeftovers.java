package dev.steward.transport.aeron;

import dev.steward.runtime.conformance.Await;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds Aeron directories that this test run created and left behind: Steward's {@code
 * steward-aeron-*} directories owned by this JVM, by one of its child processes, or by a process
 * that has ended, and any {@code aeron-*} directory (Aeron's default naming, which Steward never
 * uses) that was not there when the run began. Directories of unrelated live processes (another
 * build on the same machine) are left out.
 */
public final class SharedMemoryLeftovers {
    private SharedMemoryLeftovers() {}

    /**
     * Returns the directories this run created and that remain.
     *
     * @return their names, sorted
     */
    public static List<String> remaining() {
        Set<String> existing = SharedMemorySnapshot.before();
        Set<Long> descendants =
                ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        return SharedMemorySnapshot.aeronDirectoryNames().stream()
                .filter(name -> !existing.contains(name))
                .filter(name -> concernsThisRun(name, descendants))
                .sorted()
                .toList();
    }

    /**
     * Waits until this run has left no Aeron directory.
     *
     * @param timeout how long at most
     * @param sweep whether to delete stale directories first, as the next driver start would
     */
    public static void awaitNone(Duration timeout, boolean sweep) {
        Await.until(
                timeout,
                () -> {
                    if (sweep) {
                        DriverDirectories.sweepStale();
                    }
                    return remaining().isEmpty();
                },
                () -> "no Aeron directory of this test run is left in " + DriverDirectories.base() + "; left: "
                        + remaining());
    }

    private static boolean concernsThisRun(String name, Set<Long> descendants) {
        if (!name.startsWith(DriverDirectories.PREFIX)) {
            return true; // an aeron-* directory that appeared during the run
        }
        long[] owner = DriverDirectories.owner(name);
        if (owner == null || owner[0] == ProcessHandle.current().pid() || descendants.contains(owner[0])) {
            return true;
        }
        return !DriverDirectories.ownerAlive(name);
    }
}
