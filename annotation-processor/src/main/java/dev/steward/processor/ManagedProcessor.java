package dev.steward.processor;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Steward's annotation processor: for every class annotated {@code @Managed} it validates the class
 * and, if it is valid, writes {@code X_Proxy}, {@code X_Dispatcher} and {@code X_ManagedType} and
 * lists the last in {@code META-INF/services}. Problems are reported at the element that causes
 * them; {@link #process} never throws into javac.
 */
public final class ManagedProcessor extends AbstractProcessor {
    private final ServiceFile serviceFile = new ServiceFile();

    /** Created by javac through {@link java.util.ServiceLoader}. */
    public ManagedProcessor() {}

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(SendableTypes.MANAGED, SendableTypes.EXPOSED);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            processRound(round);
            if (round.processingOver() && !serviceFile.isEmpty()) {
                serviceFile.write(processingEnv.getFiler());
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Messages.internalError(e.toString()));
        } catch (RuntimeException | LinkageError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Messages.internalError(trace.toString()));
        }
        return true; // Steward's annotations mean nothing to other processors
    }

    private void processRound(RoundEnvironment round) throws IOException {
        Elements elements = processingEnv.getElementUtils();
        Types types = processingEnv.getTypeUtils();
        TypeElement managed = elements.getTypeElement(SendableTypes.MANAGED);
        TypeElement exposed = elements.getTypeElement(SendableTypes.EXPOSED);
        if (managed == null || exposed == null) {
            return; // steward-api is not on the class path: nothing can be annotated
        }
        SendableTypes sendable = new SendableTypes(elements, types);
        ManagedValidator validator = new ManagedValidator(processingEnv.getMessager(), types, elements, sendable);
        for (Element e : round.getElementsAnnotatedWith(exposed)) {
            validator.validateExposedPlacement(e);
        }
        for (Element e : round.getElementsAnnotatedWith(managed)) {
            ManagedAnnotation annotation = ManagedAnnotation.of((TypeElement) e, elements);
            if (!validator.validate(e, annotation)) {
                continue;
            }
            ManagedModel model = ManagedModel.build((TypeElement) e, annotation, sendable, types, elements);
            for (JavaFile file : new JavaFile[] {
                new ProxyWriter(types).write(model),
                new DispatcherWriter(types).write(model),
                new ManagedTypeWriter(types).write(model)
            }) {
                file.writeTo(processingEnv.getFiler());
            }
            serviceFile.add(model.managedTypeBinaryName());
        }
    }
}
