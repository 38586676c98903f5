package dev.steward.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Compares every generated file with its golden copy in {@code src/test/resources/golden/output}.
 * After an intended change of the generated code, regenerate the copies with {@code mvn test -pl
 * annotation-processor -Dtest=GoldenFilesTest -Dsteward.golden.update=true} and review the diff.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of(System.getProperty("steward.golden.dir", "src/test/resources/golden"));
    private static final boolean UPDATE = Boolean.getBoolean("steward.golden.update");

    @Test
    void generatedFilesMatchTheGoldenCopies() throws IOException {
        Compilation c = Compiler.javac()
                .withProcessors(new ManagedProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(inputs());
        assertThat(c).succeededWithoutWarnings();

        Map<String, String> generated = new TreeMap<>();
        for (JavaFileObject f : c.generatedSourceFiles()) {
            String path = f.toUri().getPath();
            generated.put(path.substring(path.indexOf("/SOURCE_OUTPUT/") + "/SOURCE_OUTPUT/".length()), read(f));
        }
        JavaFileObject services =
                c.generatedFile(StandardLocation.CLASS_OUTPUT, ServiceFile.PATH).orElseThrow();
        generated.put(ServiceFile.PATH, read(services));

        Path output = GOLDEN.resolve("output");
        if (UPDATE) {
            rewrite(output, generated);
        }
        Map<String, String> golden = new TreeMap<>();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                golden.put(output.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        assertThat(generated.keySet())
                .as("the generated files (regenerate the golden copies with -Dsteward.golden.update=true)")
                .containsExactlyElementsOf(golden.keySet());
        for (Map.Entry<String, String> e : generated.entrySet()) {
            assertThat(e.getValue())
                    .as("%s differs from its golden copy (regenerate with -Dsteward.golden.update=true)", e.getKey())
                    .isEqualTo(golden.get(e.getKey()));
        }
    }

    private static List<JavaFileObject> inputs() throws IOException {
        List<JavaFileObject> inputs = new ArrayList<>();
        Path dir = GOLDEN.resolve("input");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                try {
                    inputs.add(JavaFileObjects.forResource(p.toUri().toURL()));
                } catch (MalformedURLException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        assertThat(inputs).isNotEmpty();
        return inputs;
    }

    private static String read(JavaFileObject f) throws IOException {
        return f.getCharContent(true).toString();
    }

    private static void rewrite(Path output, Map<String, String> generated) throws IOException {
        if (Files.exists(output)) {
            try (Stream<Path> old = Files.walk(output)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> e : generated.entrySet()) {
            Path file = output.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
