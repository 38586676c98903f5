package dev.steward.processor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * The validation stage: checks a {@code @Managed} class and its exposed methods, and reports
 * every problem at the element that causes it. Writing happens only for classes without errors.
 */
final class ManagedValidator {
    private final Messager messager;
    private final Types types;
    private final Elements elements;
    private final SendableTypes sendable;

    ManagedValidator(Messager messager, Types types, Elements elements, SendableTypes sendable) {
        this.messager = messager;
        this.types = types;
        this.elements = elements;
        this.sendable = sendable;
    }

    /**
     * Validates a class annotated {@code @Managed}.
     *
     * @param element the annotated element
     * @param annotation its attributes
     * @return {@code true} if nothing was wrong
     */
    boolean validate(Element element, ManagedAnnotation annotation) {
        if (element.getKind() != ElementKind.CLASS) {
            return error(element, Messages.notAClass(element.getKind().name().toLowerCase(java.util.Locale.ROOT)));
        }
        TypeElement type = (TypeElement) element;
        String name = type.getQualifiedName().toString();
        boolean ok = true;
        if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            return error(type, Messages.local(type.getSimpleName().toString()));
        }
        if (!type.getModifiers().contains(Modifier.PUBLIC)) {
            ok = error(type, Messages.notPublic(name));
        }
        if (type.getNestingKind() == NestingKind.MEMBER) {
            if (!type.getModifiers().contains(Modifier.STATIC)) {
                ok = error(type, Messages.notStatic(name));
            }
            for (Element e = type.getEnclosingElement(); e instanceof TypeElement t; e = e.getEnclosingElement()) {
                if (!t.getModifiers().contains(Modifier.PUBLIC)) {
                    ok = error(
                            type,
                            Messages.enclosingNotPublic(
                                    name, t.getQualifiedName().toString()));
                    break;
                }
            }
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            ok = error(type, Messages.isAbstract(name));
        }
        if (!type.getTypeParameters().isEmpty()) {
            ok = error(type, Messages.genericClass(name));
        }
        PackageElement pkg = SendableTypes.packageOf(type);
        List<ExecutableElement> constructors = ManagedModel.publicConstructors(type);
        if (constructors.isEmpty()) {
            ok = error(type, Messages.noConstructor(name));
        }
        for (ExecutableElement c : constructors) {
            String display = type.getSimpleName() + display(c);
            if (!c.getTypeParameters().isEmpty()) {
                ok = error(c, Messages.genericConstructor(display));
            }
            ok &= checkParameters(c, display, pkg, annotation);
        }
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (SendableTypes.hasAnnotation(m, SendableTypes.EXPOSED)) {
                String display = type.getSimpleName() + "." + m.getSimpleName() + display(m);
                if (!m.getModifiers().contains(Modifier.PUBLIC)) {
                    ok = error(m, Messages.exposedNotPublic(display));
                }
                if (m.getModifiers().contains(Modifier.STATIC)) {
                    ok = error(m, Messages.exposedStatic(display));
                }
            }
        }
        List<ExecutableElement> exposed = ManagedModel.exposedMethods(type, annotation.exposeAll());
        Map<String, ExecutableElement> proxySignatures = new HashMap<>();
        for (ExecutableElement m : exposed) {
            String display = type.getSimpleName() + "." + m.getSimpleName() + display(m);
            if (!m.getModifiers().contains(Modifier.PUBLIC) || m.getModifiers().contains(Modifier.STATIC)) {
                continue; // reported above
            }
            if (!m.getTypeParameters().isEmpty()) {
                ok = error(m, Messages.genericMethod(display));
            }
            if (isReserved(m)) {
                ok = error(m, Messages.reserved(display));
            }
            ok &= checkParameters(m, display, pkg, annotation);
            String problem = sendable.check(m.getReturnType(), pkg, annotation.adapted(), new HashSet<>());
            if (problem != null) {
                ok = error(m, Messages.resultNotSendable(display, problem));
            }
            String proxySignature = proxySignature(m);
            ExecutableElement earlier = proxySignatures.putIfAbsent(proxySignature, m);
            if (earlier != null) {
                ok = error(
                        m,
                        Messages.ambiguous(
                                display,
                                type.getSimpleName() + "." + earlier.getSimpleName() + display(earlier),
                                proxySignature));
            }
            for (TypeMirror thrown : m.getThrownTypes()) {
                if (isChecked(thrown) && ManagedModel.rebuild(thrown, pkg) == null) {
                    messager.printMessage(
                            Diagnostic.Kind.WARNING, Messages.exceptionNotRebuilt(thrown.toString(), display), m);
                }
            }
        }
        if (exposed.size() > ManagedModel.MAX_INDEX + 1 || constructors.size() > ManagedModel.MAX_INDEX + 1) {
            ok = error(type, Messages.tooMany(name, ManagedModel.MAX_INDEX + 1));
        }
        if (ok && exposed.isEmpty()) {
            messager.printMessage(Diagnostic.Kind.WARNING, Messages.nothingExposed(name), type);
        }
        return ok;
    }

    /**
     * Checks that an {@code @Exposed} method sits in a {@code @Managed} class.
     *
     * @param element an element annotated {@code @Exposed}
     */
    void validateExposedPlacement(Element element) {
        Element owner = element.getEnclosingElement();
        boolean managed = owner != null
                && owner.getKind() == ElementKind.CLASS
                && SendableTypes.hasAnnotation(owner, SendableTypes.MANAGED);
        if (!managed) {
            String ownerName =
                    owner instanceof TypeElement t ? t.getQualifiedName().toString() : String.valueOf(owner);
            String display = element.getSimpleName() + (element instanceof ExecutableElement e ? display(e) : "");
            error(element, Messages.exposedOutsideManaged(display, ownerName));
        }
    }

    private boolean checkParameters(
            ExecutableElement e, String display, PackageElement pkg, ManagedAnnotation annotation) {
        boolean ok = true;
        for (VariableElement p : e.getParameters()) {
            String problem = sendable.check(p.asType(), pkg, annotation.adapted(), new HashSet<>());
            if (problem != null) {
                ok = error(p, Messages.parameterNotSendable(p.getSimpleName().toString(), display, problem));
            }
        }
        return ok;
    }

    private static final Set<String> RESERVED_NO_ARGS =
            Set.of("objectId", "typeName", "close", "isClosed", "proxyHandle", "async", "hashCode", "finalize");

    private static boolean isReserved(ExecutableElement m) {
        String name = m.getSimpleName().toString();
        List<? extends VariableElement> params = m.getParameters();
        if (params.isEmpty()) {
            return RESERVED_NO_ARGS.contains(name);
        }
        return params.size() == 1
                && name.equals("equals")
                && params.get(0).asType().toString().equals("java.lang.Object");
    }

    /** The erased signature the method has in the proxy, where managed types become proxies. */
    private String proxySignature(ExecutableElement m) {
        StringBuilder b = new StringBuilder(m.getSimpleName()).append('(');
        List<? extends VariableElement> params = m.getParameters();
        for (int i = 0; i < params.size(); i++) {
            TypeMirror t = params.get(i).asType();
            String name = SendableTypes.isManaged(t)
                    ? ManagedModel.proxyOf((TypeElement) ((DeclaredType) t).asElement())
                            .canonicalName()
                    : types.erasure(t).toString();
            b.append(i == 0 ? "" : ", ").append(name);
        }
        return b.append(')').toString();
    }

    private boolean isChecked(TypeMirror thrown) {
        TypeMirror runtime =
                elements.getTypeElement("java.lang.RuntimeException").asType();
        TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
        return thrown.getKind() == TypeKind.DECLARED
                && !types.isSubtype(thrown, runtime)
                && !types.isSubtype(thrown, error);
    }

    static String display(ExecutableElement e) {
        StringBuilder b = new StringBuilder("(");
        List<? extends VariableElement> params = e.getParameters();
        for (int i = 0; i < params.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(params.get(i).asType());
        }
        return b.append(')').toString();
    }

    private boolean error(Element e, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, e);
        return false;
    }
}
