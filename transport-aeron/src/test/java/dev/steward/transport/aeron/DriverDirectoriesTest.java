package dev.steward.transport.aeron;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DriverDirectoriesTest {
    @Test
    void namesCarryTheOwnersPidAndStartTime() {
        Path dir = DriverDirectories.newDirectory();
        String name = dir.getFileName().toString();
        assertThat(name).startsWith(DriverDirectories.PREFIX);
        long[] owner = DriverDirectories.owner(name);
        assertThat(owner[0]).isEqualTo(ProcessHandle.current().pid());
        assertThat(owner[1]).isEqualTo(DriverDirectories.startMillis(ProcessHandle.current()));
        assertThat(DriverDirectories.ownerAlive(name)).isTrue();
        assertThat(DriverDirectories.owner("aeron-root-1234")).isNull();
        assertThat(DriverDirectories.owner("steward-aeron-x-1-abc")).isNull();
    }

    @Test
    void theSweepDeletesDirectoriesOfEndedProcessesAndOfReusedPidsOnly() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        long endedPid = ended.pid();
        ended.waitFor();
        ProcessHandle self = ProcessHandle.current();
        long selfStart = DriverDirectories.startMillis(self);
        Path base = DriverDirectories.base();
        Path dead = base.resolve(DriverDirectories.PREFIX + endedPid + "-" + selfStart + "-test0001");
        Path reused = base.resolve(DriverDirectories.PREFIX + self.pid() + "-" + (selfStart - 60_000) + "-test0002");
        Path mine = base.resolve(DriverDirectories.PREFIX + self.pid() + "-" + selfStart + "-test0003");
        Path foreign = base.resolve(DriverDirectories.PREFIX + "not-ours-test0004");
        try {
            for (Path p : new Path[] {dead, reused, mine, foreign}) {
                Files.createDirectories(p);
                Files.writeString(p.resolve("cnc.dat"), "x");
            }
            assertThat(DriverDirectories.sweepStale()).contains(dead, reused).doesNotContain(mine, foreign);
            assertThat(dead).doesNotExist();
            assertThat(reused).doesNotExist();
            assertThat(mine).exists();
            assertThat(foreign).exists();
        } finally {
            for (Path p : new Path[] {dead, reused, mine, foreign}) {
                DriverDirectories.delete(p);
            }
        }
    }
}
