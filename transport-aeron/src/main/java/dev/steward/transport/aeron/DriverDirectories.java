package dev.steward.transport.aeron;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.agrona.IoUtil;

/**
 * Where embedded media drivers keep their files, and the clean-up of those that killed processes
 * left behind.
 *
 * <p>Each embedded driver gets a directory of its own, {@code steward-aeron-<pid>-<start>-<random>}
 * under {@code /dev/shm} (or the temporary directory where there is no {@code /dev/shm}), where
 * {@code <start>} is the owning process's start time in epoch milliseconds: a pid and its start
 * time name one process for ever, so a later process that happens to reuse the pid never passes
 * for the owner. A directory whose owner is gone is stale and deleted by {@link #sweepStale()},
 * which runs whenever a driver starts (and in tests).
 */
final class DriverDirectories {
    /** The prefix of every directory that Steward's embedded drivers create. */
    static final String PREFIX = "steward-aeron-";

    private static final System.Logger LOG = System.getLogger(DriverDirectories.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private DriverDirectories() {}

    /**
     * Returns the directory under which drivers' directories go.
     *
     * @return {@code /dev/shm} where it exists, else the temporary directory
     */
    static Path base() {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Names a new directory for a driver of this process; does not create it.
     *
     * @return the path
     */
    static Path newDirectory() {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        ProcessHandle self = ProcessHandle.current();
        return base().resolve(PREFIX + self.pid() + "-" + startMillis(self) + "-"
                + HexFormat.of().formatHex(random));
    }

    /**
     * Deletes the directories of drivers whose process has ended.
     *
     * @return the directories deleted
     */
    static List<Path> sweepStale() {
        List<Path> deleted = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base(), PREFIX + "*")) {
            for (Path dir : entries) {
                if (!ownerAlive(dir.getFileName().toString()) && delete(dir)) {
                    deleted.add(dir);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot list " + base() + " for stale Aeron directories", e);
        }
        if (!deleted.isEmpty()) {
            LOG.log(Level.INFO, () -> "deleted Aeron directories left by ended processes: " + deleted);
        }
        return deleted;
    }

    /**
     * Tells whether the process that owns a driver directory, named as {@link #newDirectory()}
     * names them, is still running. Names that do not parse count as alive: they are left alone.
     *
     * @param name the directory's name
     * @return {@code false} if the owner has ended
     */
    static boolean ownerAlive(String name) {
        long[] owner = owner(name);
        if (owner == null) {
            return true;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(owner[0]);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        long start = startMillis(process.get());
        return start == 0 || owner[1] == 0 || start == owner[1];
    }

    /**
     * Reads the owner of a directory from its name.
     *
     * @param name the directory's name
     * @return the pid and start time, or {@code null} if the name is not one of ours
     */
    static long[] owner(String name) {
        if (!name.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = name.substring(PREFIX.length()).split("-");
        if (parts.length != 3) {
            return null;
        }
        try {
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Deletes a directory and everything in it; quietly, since another process may race to do it.
     *
     * @param dir the directory
     * @return {@code true} if it is gone
     */
    static boolean delete(Path dir) {
        try {
            IoUtil.delete(dir.toFile(), true);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "cannot delete " + dir, e);
        }
        return !Files.exists(dir);
    }

    /**
     * Returns a process's start time.
     *
     * @param process the process
     * @return epoch milliseconds, or 0 if the platform does not tell
     */
    static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
