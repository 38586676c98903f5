package dev.steward.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/**
 * A Java source for compile-testing, built from lines, that can tell on which line a piece of text
 * is.
 */
final class TestSource {
    private final String name;
    private final String[] lines;

    private TestSource(String name, String[] lines) {
        this.name = name;
        this.lines = lines;
    }

    /**
     * Makes a source.
     *
     * @param name the class's qualified name, such as {@code test.Counter}
     * @param lines its lines
     * @return the source
     */
    static TestSource of(String name, String... lines) {
        return new TestSource(name, lines);
    }

    JavaFileObject file() {
        return JavaFileObjects.forSourceLines(name, lines);
    }

    /** The path compile-testing reports diagnostics in, such as {@code /test/Counter.java}. */
    String path() {
        return "/" + name.replace('.', '/') + ".java";
    }

    /** The 1-based line that contains the text; fails if none or several do. */
    int lineOf(String text) {
        int found = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                if (found != -1) {
                    throw new IllegalArgumentException("'" + text + "' is on lines " + found + " and " + (i + 1));
                }
                found = i + 1;
            }
        }
        if (found == -1) {
            throw new IllegalArgumentException("'" + text + "' is not in " + name);
        }
        return found;
    }
}
