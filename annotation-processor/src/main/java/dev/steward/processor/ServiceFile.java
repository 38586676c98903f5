package dev.steward.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.steward.runtime.managed.ManagedType}, listing every generated
 * registration. Entries of an earlier, partial compilation that are still in the output are kept,
 * so incremental builds do not lose classes that were not recompiled.
 */
final class ServiceFile {
    static final String PATH = "META-INF/services/dev.steward.runtime.managed.ManagedType";

    private final Set<String> entries = new TreeSet<>();

    void add(String binaryName) {
        entries.add(binaryName);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    void write(Filer filer) throws IOException {
        Set<String> all = new TreeSet<>(entries);
        try {
            FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(existing.openInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String entry = line.replaceAll("#.*", "").trim();
                    if (!entry.isEmpty()) {
                        all.add(entry);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // no earlier file: this compilation sees every managed class
        }
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH);
        try (Writer w = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
            for (String e : all) {
                w.write(e);
                w.write('\n');
            }
        }
    }
}
