package dev.steward.transport.aeron;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Notes which Aeron directories {@code /dev/shm} held before any test ran, so that {@link
 * SharedMemoryLeftovers} can tell this run's directories from older ones. Registered in {@code
 * META-INF/services}; it uses nothing of the module's main classes, which one test run leaves off
 * the class path.
 */
public final class SharedMemorySnapshot implements LauncherSessionListener {
    private static volatile Set<String> before = Set.of();

    /** Called by the JUnit Platform. */
    public SharedMemorySnapshot() {}

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        before = aeronDirectoryNames();
    }

    /** What the directory held when the run began. */
    static Set<String> before() {
        return before;
    }

    /** Where Aeron directories go: {@code /dev/shm} where it exists, else the temporary directory. */
    static Path base() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** The names of the Aeron directories there now: Steward's and Aeron's default ones. */
    static Set<String> aeronDirectoryNames() {
        Set<String> names = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base())) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith("steward-aeron-") || name.startsWith("aeron-")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + base(), e);
        }
        return names;
    }
}
