package dev.steward.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * Runs a sample in a test: captures what this JVM prints (and still copies it to the test's
 * report), sends each child's output to a file under {@code target/sample-logs/<test>/}, and kills
 * every child after the test, passed or failed.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class SampleTestBase {
    /** The test's children. */
    protected TestChildren children;

    private PrintStream originalOut;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @BeforeEach
    void captureOutput(TestInfo info) {
        String test = getClass().getSimpleName() + "-"
                + info.getTestMethod().map(m -> m.getName()).orElse("test");
        children = new TestChildren(Path.of("target", "sample-logs", test));
        originalOut = System.out;
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                captured.write(b);
                originalOut.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                captured.write(b, off, len);
                originalOut.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                originalOut.flush();
            }
        };
        System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutputAndKillChildren() {
        System.setOut(originalOut);
        children.close();
    }

    /**
     * Returns what this JVM printed so far.
     *
     * @return the text
     */
    protected String out() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /**
     * Returns what this JVM printed so far, line by line.
     *
     * @return the lines
     */
    protected List<String> outLines() {
        return out().lines().toList();
    }
}
