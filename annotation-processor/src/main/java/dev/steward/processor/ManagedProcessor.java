package dev.steward.processor;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
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

    /** Classes whose signatures name types generated later; validated in a later round. */
    private final Set<String> deferred = new LinkedHashSet<>();

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
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Messages.internalError(trace.toString()));
        }
        return true; // Steward's annotations mean nothing to other processors
    }

    /** Whether a signature of the class names a type that does not exist yet. */
    private static boolean mentionsMissingTypes(TypeElement type) {
        for (ExecutableElement e : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (mentionsMissingTypes(e)) {
                return true;
            }
        }
        for (ExecutableElement e : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (mentionsMissingTypes(e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsMissingTypes(ExecutableElement e) {
        if (e.getReturnType().getKind() == TypeKind.ERROR) {
            return true;
        }
        for (VariableElement p : e.getParameters()) {
            if (p.asType().getKind() == TypeKind.ERROR) {
                return true;
            }
        }
        return false;
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
        List<Element> candidates = new ArrayList<>();
        for (String name : deferred) {
            TypeElement again = elements.getTypeElement(name);
            if (again != null) {
                candidates.add(again);
            }
        }
        deferred.clear();
        candidates.addAll(round.getElementsAnnotatedWith(managed));
        for (Element e : candidates) {
            if (e instanceof TypeElement t && mentionsMissingTypes(t)) {
                if (!round.processingOver()) {
                    // a type generated in this round (by this or another processor): look again next round
                    deferred.add(t.getQualifiedName().toString());
                }
                continue; // still missing at the end: javac reports the missing type itself
            }
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
