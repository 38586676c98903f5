package dev.steward.processor;

import com.palantir.javapoet.ClassName;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Everything the writers need to know of one valid {@code @Managed} class: names, the sorted
 * constructor and method tables with their indexes, the fingerprint, and the value types to
 * register. Built only after validation passed.
 */
final class ManagedModel {
    /** Bits of a selector that hold the index (as the runtime's ManagedType.INDEX_BITS). */
    static final int INDEX_BITS = 11;

    /** Bits of a selector that hold the fingerprint (as the runtime's ManagedType.FINGERPRINT_BITS). */
    static final int FINGERPRINT_BITS = 20;

    /** The largest index. */
    static final int MAX_INDEX = (1 << INDEX_BITS) - 1;

    /** The first line of every fingerprinted table: bump it when the scheme changes. */
    static final String SCHEME = "steward-managed-v1";

    final TypeElement element;
    final String typeName;
    final String packageName;
    final String prefix;
    final boolean concurrent;
    final boolean inline;
    final List<Executable> constructors;
    final List<Executable> methods;
    final List<TypeElement> valueTypes;
    final long fingerprint;

    private ManagedModel(
            TypeElement element,
            String typeName,
            String packageName,
            String prefix,
            boolean concurrent,
            boolean inline,
            List<Executable> constructors,
            List<Executable> methods,
            List<TypeElement> valueTypes,
            long fingerprint) {
        this.element = element;
        this.typeName = typeName;
        this.packageName = packageName;
        this.prefix = prefix;
        this.concurrent = concurrent;
        this.inline = inline;
        this.constructors = constructors;
        this.methods = methods;
        this.valueTypes = valueTypes;
        this.fingerprint = fingerprint;
    }

    /** How a declared exception is rebuilt on the client. */
    enum Rebuild {
        MESSAGE_AND_CAUSE,
        MESSAGE,
        NO_ARGUMENTS
    }

    /** A declared exception the proxy rethrows as itself. */
    record Thrown(TypeMirror type, String binaryName, Rebuild rebuild) {}

    /** A parameter of an exposed method or public constructor. */
    record Parameter(String name, TypeMirror type, SendableTypes.Kind kind) {}

    /** An exposed method or a public constructor, at its index. */
    record Executable(
            ExecutableElement element,
            String name,
            int index,
            String signature,
            List<Parameter> parameters,
            TypeMirror result,
            SendableTypes.Kind resultKind,
            List<TypeMirror> declaredThrows,
            List<Thrown> rebuilt,
            boolean varargs) {}

    ClassName managedClass() {
        return ClassName.get(element);
    }

    ClassName proxyClass() {
        return ClassName.get(packageName, prefix + "_Proxy");
    }

    ClassName dispatcherClass() {
        return ClassName.get(packageName, prefix + "_Dispatcher");
    }

    ClassName managedTypeClass() {
        return ClassName.get(packageName, prefix + "_ManagedType");
    }

    String managedTypeBinaryName() {
        return packageName.isEmpty() ? prefix + "_ManagedType" : packageName + "." + prefix + "_ManagedType";
    }

    /** The selector a call sends for an index: fingerprint bits above the index. */
    int selector(int index) {
        return (int) ((fingerprint & ((1L << FINGERPRINT_BITS) - 1)) << INDEX_BITS) | index;
    }

    /** The proxy class of a managed type: {@code Outer_Inner_Proxy} next to it. */
    static ClassName proxyOf(TypeElement managed) {
        return ClassName.get(
                SendableTypes.packageOf(managed).getQualifiedName().toString(), prefixOf(managed) + "_Proxy");
    }

    static String prefixOf(TypeElement type) {
        StringBuilder b = new StringBuilder(type.getSimpleName());
        for (Element e = type.getEnclosingElement(); e instanceof TypeElement t; e = e.getEnclosingElement()) {
            b.insert(0, t.getSimpleName() + "_");
        }
        return b.toString();
    }

    /** The public constructors of a class. */
    static List<ExecutableElement> publicConstructors(TypeElement type) {
        List<ExecutableElement> out = new ArrayList<>();
        for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (c.getModifiers().contains(Modifier.PUBLIC)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The methods a class exposes: annotated {@code @Exposed}, or public instance ones with exposeAll. */
    static List<ExecutableElement> exposedMethods(TypeElement type, boolean exposeAll) {
        List<ExecutableElement> out = new ArrayList<>();
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            boolean annotated = SendableTypes.hasAnnotation(m, SendableTypes.EXPOSED);
            boolean all = exposeAll
                    && m.getModifiers().contains(Modifier.PUBLIC)
                    && !m.getModifiers().contains(Modifier.STATIC);
            if (annotated || all) {
                out.add(m);
            }
        }
        return out;
    }

    /** The name a type has in signatures: what {@code Class.getTypeName()} says at run time. */
    static String wireName(TypeMirror t, Types types, Elements elements) {
        TypeMirror erased = types.erasure(t);
        switch (erased.getKind()) {
            case ARRAY:
                return wireName(((ArrayType) erased).getComponentType(), types, elements) + "[]";
            case DECLARED:
                return elements.getBinaryName((TypeElement) ((DeclaredType) erased).asElement())
                        .toString();
            default:
                return erased.getKind().isPrimitive() || erased.getKind() == TypeKind.VOID
                        ? erased.getKind().name().toLowerCase(java.util.Locale.ROOT)
                        : erased.toString();
        }
    }

    static String signature(String name, ExecutableElement e, Types types, Elements elements) {
        StringBuilder b = new StringBuilder(name).append('(');
        List<? extends VariableElement> params = e.getParameters();
        for (int i = 0; i < params.size(); i++) {
            b.append(i == 0 ? "" : ",").append(wireName(params.get(i).asType(), types, elements));
        }
        return b.append(')').toString();
    }

    /** Builds the model of a class that passed validation. */
    static ManagedModel build(
            TypeElement type, ManagedAnnotation annotation, SendableTypes sendable, Types types, Elements elements) {
        PackageElement pkg = SendableTypes.packageOf(type);
        TreeMap<String, TypeElement> valueTypes = new TreeMap<>();
        Set<TypeElement> found = new java.util.LinkedHashSet<>();

        List<ExecutableElement> ctorElements = new ArrayList<>(publicConstructors(type));
        ctorElements.sort(Comparator.comparing(c -> signature("<init>", c, types, elements)));
        List<Executable> constructors = new ArrayList<>();
        for (ExecutableElement c : ctorElements) {
            constructors.add(executable(
                    c,
                    "<init>",
                    constructors.size(),
                    type.asType(),
                    annotation,
                    sendable,
                    pkg,
                    found,
                    types,
                    elements));
        }

        List<ExecutableElement> methodElements = new ArrayList<>(exposedMethods(type, annotation.exposeAll()));
        methodElements.sort(
                Comparator.comparing(m -> signature(m.getSimpleName().toString(), m, types, elements)));
        List<Executable> methods = new ArrayList<>();
        for (ExecutableElement m : methodElements) {
            methods.add(executable(
                    m,
                    m.getSimpleName().toString(),
                    methods.size(),
                    m.getReturnType(),
                    annotation,
                    sendable,
                    pkg,
                    found,
                    types,
                    elements));
        }
        for (TypeElement e : found) {
            valueTypes.put(e.getQualifiedName().toString(), e);
        }

        List<String> lines = new ArrayList<>();
        lines.add(SCHEME);
        String typeName = elements.getBinaryName(type).toString();
        lines.add(typeName);
        for (Executable c : constructors) {
            lines.add(c.signature());
        }
        for (Executable m : methods) {
            lines.add(m.signature() + wireName(m.result(), types, elements));
        }
        return new ManagedModel(
                type,
                typeName,
                pkg.getQualifiedName().toString(),
                prefixOf(type),
                annotation.concurrent(),
                annotation.inline(),
                List.copyOf(constructors),
                List.copyOf(methods),
                List.copyOf(valueTypes.values()),
                fingerprint(lines));
    }

    private static Executable executable(
            ExecutableElement e,
            String name,
            int index,
            TypeMirror result,
            ManagedAnnotation annotation,
            SendableTypes sendable,
            PackageElement pkg,
            Set<TypeElement> valueTypes,
            Types types,
            Elements elements) {
        List<Parameter> params = new ArrayList<>();
        for (VariableElement p : e.getParameters()) {
            sendable.check(p.asType(), pkg, annotation.adapted(), valueTypes);
            params.add(new Parameter(p.getSimpleName().toString(), p.asType(), sendable.kindOf(p.asType())));
        }
        SendableTypes.Kind resultKind =
                e.getKind() == ElementKind.CONSTRUCTOR ? SendableTypes.Kind.MANAGED : sendable.kindOf(result);
        if (e.getKind() != ElementKind.CONSTRUCTOR) {
            sendable.check(result, pkg, annotation.adapted(), valueTypes);
        }
        List<Thrown> rebuilt = new ArrayList<>();
        for (TypeMirror t : e.getThrownTypes()) {
            Rebuild how = rebuild(t, pkg);
            if (how != null) {
                rebuilt.add(new Thrown(
                        t,
                        elements.getBinaryName((TypeElement) ((DeclaredType) t).asElement())
                                .toString(),
                        how));
            }
        }
        return new Executable(
                e,
                name,
                index,
                signature(name, e, types, elements),
                List.copyOf(params),
                result,
                resultKind,
                List.copyOf(e.getThrownTypes()),
                List.copyOf(rebuilt),
                e.isVarArgs());
    }

    /** How the client can rebuild a declared exception, or null if it cannot. */
    static Rebuild rebuild(TypeMirror thrown, PackageElement from) {
        if (thrown.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement ex = (TypeElement) ((DeclaredType) thrown).asElement();
        if (ex.getModifiers().contains(Modifier.ABSTRACT) || !SendableTypes.accessible(ex, from)) {
            return null;
        }
        Rebuild best = null;
        for (ExecutableElement c : ElementFilter.constructorsIn(ex.getEnclosedElements())) {
            if (!c.getModifiers().contains(Modifier.PUBLIC)) {
                continue;
            }
            List<String> params = new ArrayList<>();
            for (VariableElement p : c.getParameters()) {
                params.add(p.asType().toString());
            }
            Rebuild how = params.equals(List.of("java.lang.String", "java.lang.Throwable"))
                    ? Rebuild.MESSAGE_AND_CAUSE
                    : params.equals(List.of("java.lang.String"))
                            ? Rebuild.MESSAGE
                            : params.isEmpty() ? Rebuild.NO_ARGUMENTS : null;
            if (how != null && (best == null || how.ordinal() < best.ordinal())) {
                best = how;
            }
        }
        return best;
    }

    /** The first 8 bytes of SHA-256 over the lines joined by newlines (as the runtime computes it). */
    static long fingerprint(List<String> lines) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
