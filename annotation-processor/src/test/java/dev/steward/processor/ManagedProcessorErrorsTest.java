package dev.steward.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every compile-time error and warning: its message, file and line. */
class ManagedProcessorErrorsTest {

    private static Compilation compile(TestSource... sources) {
        List<JavaFileObject> files = new ArrayList<>();
        for (TestSource s : sources) {
            files.add(s.file());
        }
        return Compiler.javac()
                .withProcessors(new ManagedProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(files);
    }

    private static void assertError(Compilation c, TestSource source, String marker, String... fragments) {
        assertThat(c).failed();
        for (String fragment : fragments) {
            assertThat(c).hadErrorContaining(fragment).inFile(source.file()).onLine(source.lineOf(marker));
        }
    }

    @Test
    void exposedOnAPrivateMethod() {
        TestSource s = TestSource.of(
                "test.Counter",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Counter {",
                "    @Exposed",
                "    private void secret() {}",
                "}");
        assertError(
                compile(s),
                s,
                "private void secret",
                "@Exposed method Counter.secret() must be public",
                "make it public, or remove @Exposed");
    }

    @Test
    void exposedOnAPackagePrivateMethod() {
        TestSource s = TestSource.of(
                "test.Counter",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Counter {",
                "    @Exposed void hidden(int n) {}",
                "}");
        assertError(compile(s), s, "void hidden", "@Exposed method Counter.hidden(int) must be public");
    }

    @Test
    void exposedOnAStaticMethod() {
        TestSource s = TestSource.of(
                "test.Counter",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Counter {",
                "    @Exposed",
                "    public static int count() { return 0; }",
                "}");
        assertError(
                compile(s),
                s,
                "public static int count",
                "@Exposed method Counter.count() is static",
                "make it an instance method, or remove @Exposed");
    }

    @Test
    void exposedOutsideAManagedClass() {
        TestSource s = TestSource.of(
                "test.Plain",
                "package test;",
                "import dev.steward.*;",
                "public class Plain {",
                "    @Exposed",
                "    public void run() {}",
                "}");
        assertError(
                compile(s),
                s,
                "public void run",
                "@Exposed method run() is in test.Plain, which is not a @Managed class",
                "annotate test.Plain with @Managed, or remove @Exposed");
    }

    @Test
    void managedOnAnInterface() {
        TestSource s = TestSource.of(
                "test.Api",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public interface Api {",
                "    void run();",
                "}");
        assertError(compile(s), s, "public interface Api", "@Managed applies to classes, not to interface");
    }

    @Test
    void managedOnARecord() {
        TestSource s = TestSource.of(
                "test.Point", "package test;", "import dev.steward.*;", "@Managed", "public record Point(int x) {}");
        assertError(compile(s), s, "public record Point", "@Managed applies to classes, not to record");
    }

    @Test
    void aClassThatIsNotPublic() {
        TestSource s = TestSource.of(
                "test.Counter",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "class Counter {",
                "    @Exposed public void increment() {}",
                "}");
        assertError(compile(s), s, "class Counter", "@Managed class test.Counter must be public", "make it public");
    }

    @Test
    void anInnerClassThatIsNotStatic() {
        TestSource s = TestSource.of(
                "test.Outer",
                "package test;",
                "import dev.steward.*;",
                "public class Outer {",
                "    @Managed",
                "    public class Inner {",
                "        @Exposed public void run() {}",
                "    }",
                "}");
        assertError(
                compile(s),
                s,
                "public class Inner",
                "@Managed class test.Outer.Inner is an inner class",
                "make it static");
    }

    @Test
    void aNestedClassInsideANonPublicClass() {
        TestSource s = TestSource.of(
                "test.Outer",
                "package test;",
                "import dev.steward.*;",
                "class Outer {",
                "    @Managed",
                "    public static class Inner {",
                "        @Exposed public void run() {}",
                "    }",
                "}");
        assertError(
                compile(s),
                s,
                "public static class Inner",
                "is nested in test.Outer, which is not public",
                "make test.Outer public");
    }

    @Test
    void anAbstractClass() {
        TestSource s = TestSource.of(
                "test.Shape",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public abstract class Shape {",
                "    @Exposed public abstract double area();",
                "}");
        assertError(
                compile(s),
                s,
                "public abstract class Shape",
                "@Managed class test.Shape is abstract",
                "make it concrete");
    }

    @Test
    void aGenericClass() {
        TestSource s = TestSource.of(
                "test.Box",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Box<T> {",
                "    @Exposed public void clear() {}",
                "}");
        assertError(compile(s), s, "public class Box<T>", "@Managed class test.Box has type parameters", "remove them");
    }

    @Test
    void noPublicConstructor() {
        TestSource s = TestSource.of(
                "test.Singleton",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Singleton {",
                "    private Singleton() {}",
                "    @Exposed public void run() {}",
                "}");
        assertError(
                compile(s),
                s,
                "public class Singleton",
                "@Managed class test.Singleton has no public constructor for the node to run",
                "add one");
    }

    @Test
    void aParameterThatCannotBeSent() {
        TestSource s = TestSource.of(
                "test.Runner",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Runner {",
                "    @Exposed public void start(String name,",
                "            Thread worker) {}",
                "}");
        assertError(
                compile(s),
                s,
                "Thread worker",
                "parameter 'worker' of Runner.start(java.lang.String, java.lang.Thread) cannot be sent to the node:"
                        + " java.lang.Thread is not a type Steward can send",
                "list it in @Managed(adapted = ...)");
    }

    @Test
    void aConstructorParameterThatCannotBeSent() {
        TestSource s = TestSource.of(
                "test.Runner",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Runner {",
                "    public Runner(java.io.File file) {}",
                "    @Exposed public void run() {}",
                "}");
        assertError(
                compile(s),
                s,
                "public Runner(java.io.File file)",
                "parameter 'file' of Runner(java.io.File) cannot be sent to the node: java.io.File is not a type");
    }

    @Test
    void aResultThatCannotBeSentInsideACollection() {
        TestSource s = TestSource.of(
                "test.Runner",
                "package test;",
                "import dev.steward.*;",
                "import java.util.*;",
                "@Managed",
                "public class Runner {",
                "    @Exposed public Map<String, List<Thread>> threads() { return null; }",
                "}");
        assertError(
                compile(s),
                s,
                "threads()",
                "the result of Runner.threads() cannot be sent back from the node: java.lang.Thread -> value type"
                        + " -> element type is not a type Steward can send");
    }

    @Test
    void aRecordWithAComponentThatCannotBeSent() {
        TestSource record =
                TestSource.of("test.Job", "package test;", "public record Job(String name, Runnable task) {}");
        TestSource s = TestSource.of(
                "test.Runner",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Runner {",
                "    @Exposed public void submit(Job job) {}",
                "}");
        assertError(
                compile(s, record),
                s,
                "submit(Job job)",
                "java.lang.Runnable -> component 'task' of record test.Job is not a type Steward can send");
    }

    @Test
    void aManagedTypeInsideACollection() {
        TestSource book = TestSource.of(
                "test.Book",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Book {",
                "    @Exposed public String title() { return \"\"; }",
                "}");
        TestSource s = TestSource.of(
                "test.Library",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Library {",
                "    @Exposed public java.util.List<Book> books() { return null; }",
                "}");
        assertError(
                compile(s, book),
                s,
                "books()",
                "@Managed class test.Book -> element type can only travel as a parameter or result by itself");
    }

    @Test
    void anAdaptedTypeIsAccepted() {
        TestSource s = TestSource.of(
                "test.Runner",
                "package test;",
                "import dev.steward.*;",
                "@Managed(adapted = java.io.File.class)",
                "public class Runner {",
                "    @Exposed public java.io.File file() { return null; }",
                "}");
        assertThat(compile(s)).succeededWithoutWarnings();
    }

    @Test
    void aPrivateNestedTypeInASignature() {
        TestSource s = TestSource.of(
                "test.Runner",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Runner {",
                "    private record Secret(int x) {}",
                "    @Exposed public void keep(Secret secret) {}",
                "}");
        assertError(
                compile(s),
                s,
                "keep(Secret secret)",
                "parameter 'secret' of Runner.keep(test.Runner.Secret) cannot be sent to the node: test.Runner.Secret"
                        + " is not public, so the generated proxy cannot name it; make it public");
    }

    @Test
    void aGenericMethod() {
        TestSource s = TestSource.of(
                "test.Store",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Store {",
                "    @Exposed public <T> void put(T value) {}",
                "}");
        assertError(
                compile(s),
                s,
                "public <T> void put",
                "@Exposed method Store.put(T) has type parameters",
                "Object accepts any sendable value");
    }

    @Test
    void aMethodTheProxyImplementsItself() {
        TestSource s = TestSource.of(
                "test.Resource",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Resource {",
                "    @Exposed public void close() {}",
                "}");
        assertError(
                compile(s),
                s,
                "public void close",
                "method Resource.close() cannot be exposed: the proxy implements it itself",
                "rename the method");
    }

    @Test
    void overloadsThatCollideInTheProxy(@TempDir Path classes) throws IOException {
        // a library compiled earlier, with its generated proxy
        TestSource book = TestSource.of(
                "lib.Book",
                "package lib;",
                "import dev.steward.*;",
                "@Managed",
                "public class Book {",
                "    @Exposed public String title() { return \"\"; }",
                "}");
        Compilation library = compile(book);
        assertThat(library).succeeded();
        for (JavaFileObject f : library.generatedFiles()) {
            if (f.getKind() == JavaFileObject.Kind.CLASS) {
                String path = f.toUri().getPath();
                Path out = classes.resolve(path.substring(path.indexOf("lib/")));
                Files.createDirectories(out.getParent());
                try (InputStream in = f.openInputStream()) {
                    Files.copy(in, out);
                }
            }
        }
        TestSource s = TestSource.of(
                "test.Shelf",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Shelf {",
                "    @Exposed public void put(lib.Book book) {}",
                "    @Exposed public void put(lib.Book_Proxy book) {}",
                "}");
        List<File> classpath = new ArrayList<>();
        classpath.add(classes.toFile());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(new File(entry));
        }
        Compilation c = Compiler.javac()
                .withProcessors(new ManagedProcessor())
                .withClasspath(classpath)
                .compile(s.file());
        assertError(
                c,
                s,
                "put(lib.Book_Proxy book)",
                "@Exposed method Shelf.put(lib.Book_Proxy) and Shelf.put(lib.Book) would both become"
                        + " put(lib.Book_Proxy) in the proxy",
                "rename one");
        assertThat(library).generatedFile(StandardLocation.CLASS_OUTPUT, "lib", "Book_Proxy.class");
    }

    @Test
    void aClassThatExposesNothingIsAWarning() {
        TestSource s = TestSource.of(
                "test.Empty", "package test;", "import dev.steward.*;", "@Managed", "public class Empty {", "}");
        Compilation c = Compiler.javac().withProcessors(new ManagedProcessor()).compile(s.file());
        assertThat(c).succeeded();
        assertThat(c)
                .hadWarningContaining("@Managed class test.Empty exposes no method")
                .inFile(s.file())
                .onLine(s.lineOf("public class Empty"));
    }

    @Test
    void aCheckedExceptionTheClientCannotRebuildIsAWarning() {
        TestSource ex = TestSource.of(
                "test.Odd",
                "package test;",
                "public class Odd extends Exception {",
                "    private static final long serialVersionUID = 1L;",
                "    public Odd(int code) {}",
                "}");
        TestSource s = TestSource.of(
                "test.Risky",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Risky {",
                "    @Exposed public void run() throws Odd {}",
                "}");
        Compilation c = Compiler.javac().withProcessors(new ManagedProcessor()).compile(s.file(), ex.file());
        assertThat(c).succeeded();
        assertThat(c)
                .hadWarningContaining("exception test.Odd declared by Risky.run() has no public constructor taking")
                .inFile(s.file())
                .onLine(s.lineOf("public void run()"));
    }

    @Test
    void aSignatureMayNameAProxyGeneratedInTheSameCompilation() {
        TestSource book = TestSource.of(
                "test.Book",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Book {",
                "    @Exposed public String title() { return \"\"; }",
                "}");
        TestSource shelf = TestSource.of(
                "test.Shelf",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Shelf {",
                "    @Exposed public void keep(Book_Proxy book) {}",
                "}");
        Compilation c = compile(shelf, book);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c)
                .generatedSourceFile("test.Shelf_Dispatcher")
                .contentsAsUtf8String()
                .contains("target.keep(context.<Book_Proxy>shared(args, 0, Book_Proxy.class));");
    }

    @Test
    void aMissingTypeIsLeftToJavac() {
        TestSource s = TestSource.of(
                "test.Shelf",
                "package test;",
                "import dev.steward.*;",
                "@Managed",
                "public class Shelf {",
                "    @Exposed public void keep(Nowhere thing) {}",
                "}");
        Compilation c = compile(s);
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("cannot find symbol").inFile(s.file()).onLine(s.lineOf("Nowhere thing"));
    }

    @Test
    void typeAnnotationsOnParametersAreKeptOutOfClassLiterals() {
        TestSource nonNull = TestSource.of(
                "test.NonNull",
                "package test;",
                "import java.lang.annotation.*;",
                "@Target(ElementType.TYPE_USE)",
                "public @interface NonNull {}");
        TestSource s = TestSource.of(
                "test.Notes",
                "package test;",
                "import dev.steward.*;",
                "import java.util.List;",
                "@Managed",
                "public class Notes {",
                "    public Notes(@NonNull String title) {}",
                "    @Exposed public @NonNull List<@NonNull String> add(@NonNull String note) { return null; }",
                "}");
        assertThat(compile(s, nonNull)).succeededWithoutWarnings();
    }
}
