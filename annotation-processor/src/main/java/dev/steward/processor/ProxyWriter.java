package dev.steward.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Writes {@code Counter_Proxy}: a final class, not a subclass of {@code Counter}, with one method per
 * exposed method, typed {@code create} factories, and the nested {@code Async} view.
 */
final class ProxyWriter {
    private final Types types;

    ProxyWriter(Types types) {
        this.types = types;
    }

    JavaFile write(ManagedModel model) {
        ClassName proxy = model.proxyClass();
        ClassName async = proxy.nestedClass("Async");
        ClassName managed = model.managedClass();
        TypeSpec.Builder type = TypeSpec.classBuilder(proxy)
                .addOriginatingElement(model.element)
                .addAnnotation(Names.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(Names.SHARED_OBJECT)
                .addSuperinterface(Names.PROXY_SUPPORT)
                .addJavadoc(
                        "The proxy of a {@link $T} that lives on a Steward node: each method runs the method of the"
                                + " same name\non the node and waits for its result. Made by {@code create(manager,"
                                + " ...)} or received (as a result,\nfrom {@code Manager.lookup}, or as an argument"
                                + " of a spawned JVM); thread-safe.\n",
                        managed);
        type.addField(FieldSpec.builder(String.class, "TYPE_NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The node's name for the type.\n")
                .initializer("$S", model.typeName)
                .build());
        for (ManagedModel.Executable c : model.constructors) {
            type.addField(selectorField("CREATE_" + c.index(), model.selector(c.index()), c.signature()));
        }
        for (ManagedModel.Executable m : model.methods) {
            type.addField(selectorField(Names.constant(m.name(), m.index()), model.selector(m.index()), m.signature()));
        }
        type.addField(Names.PROXY_HANDLE, "handle", Modifier.PRIVATE, Modifier.FINAL);
        type.addField(async, "async", Modifier.PRIVATE, Modifier.FINAL);
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(Names.PROXY_HANDLE, "handle")
                .addStatement("this.handle = handle")
                .addStatement("this.async = new $T(handle)", async)
                .build());
        type.addMethod(MethodSpec.methodBuilder("wrap")
                .addJavadoc("Wraps a handle; called by the runtime through {@link $T}.\n", model.managedTypeClass())
                .addJavadoc("\n@param handle the handle of an object of this type\n@return the proxy\n")
                .addModifiers(Modifier.STATIC)
                .returns(proxy)
                .addParameter(Names.PROXY_HANDLE, "handle")
                .addStatement("return new $T(handle)", proxy)
                .build());
        for (ManagedModel.Executable c : model.constructors) {
            type.addMethod(factory(model, c, proxy));
        }
        boolean remoteToString = false;
        for (ManagedModel.Executable m : model.methods) {
            type.addMethod(syncMethod(model, m));
            remoteToString |= m.signature().equals("toString()");
        }
        type.addMethod(MethodSpec.methodBuilder("async")
                .addJavadoc("Returns the asynchronous view of this proxy, whose methods return at once.\n\n")
                .addJavadoc("@return the view\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(async)
                .addStatement("return async")
                .build());
        addSharedObjectMethods(type, remoteToString);
        for (ManagedModel.Executable m : model.methods) {
            if (!m.rebuilt().isEmpty()) {
                type.addMethod(failureMapper(m));
            }
        }
        type.addType(asyncType(model, async, proxy));
        return JavaFile.builder(model.packageName, type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private static FieldSpec selectorField(String name, int selector, String signature) {
        return FieldSpec.builder(int.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("$L\n", signature.replace("<init>", "constructor"))
                .initializer("0x$L", Integer.toHexString(selector))
                .build();
    }

    private MethodSpec factory(ManagedModel model, ManagedModel.Executable c, ClassName proxy) {
        List<String> names = parameterNames(c);
        String managerName = Names.unique("manager", names);
        MethodSpec.Builder b = MethodSpec.methodBuilder("create")
                .addJavadoc(
                        "Creates a {@link $T} on the node, running its constructor {@code $L} there.\n\n",
                        model.managedClass(),
                        c.signature().replace("<init>", model.element.getSimpleName()))
                .addJavadoc("@param $L the manager of the node\n", managerName)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(proxy)
                .addParameter(Names.MANAGER, managerName);
        for (ManagedModel.Parameter p : c.parameters()) {
            b.addJavadoc("@param $L the constructor's argument\n", p.name());
        }
        b.addJavadoc("@return the proxy of the new object\n");
        addParameters(b, c);
        addThrows(b, c);
        CodeBlock call = CodeBlock.of(
                "$T.create($L, TYPE_NAME, CREATE_$L, $T.class, $L)",
                Names.MANAGED_CALLS,
                managerName,
                c.index(),
                proxy,
                argumentArray(c));
        return withRebuiltExceptions(b, c, CodeBlock.of("return $L", call), names)
                .build();
    }

    private MethodSpec syncMethod(ManagedModel model, ManagedModel.Executable m) {
        MethodSpec.Builder b = MethodSpec.methodBuilder(m.name())
                .addJavadoc(
                        "Runs {@code $L} of the {@link $T} on the node and waits for it.\n",
                        m.signature(),
                        model.managedClass())
                .addModifiers(Modifier.PUBLIC)
                .returns(proxyType(m.result(), m.resultKind()));
        if (m.signature().equals("toString()")) {
            b.addAnnotation(Override.class);
        }
        addParameters(b, m);
        addThrows(b, m);
        documentParameters(b, m);
        if (m.resultKind() != SendableTypes.Kind.VOID) {
            b.addJavadoc("@return what the node's method returned\n");
        }
        CodeBlock call = CodeBlock.of(
                "this.handle.call($L, $S, $L)", Names.constant(m.name(), m.index()), m.name(), argumentArray(m));
        CodeBlock body;
        switch (m.resultKind()) {
            case VOID:
                body = call;
                break;
            case PRIMITIVE:
                body = CodeBlock.of(
                        "return $T.$L($L)",
                        Names.MANAGED_CALLS,
                        Names.primitiveResult(m.result().getKind()),
                        call);
                break;
            default:
                body = CodeBlock.of(
                        "return $T.<$T>result($L, $T.class)",
                        Names.MANAGED_CALLS,
                        proxyType(m.result(), m.resultKind()),
                        call,
                        erasure(m.result(), m.resultKind()));
        }
        return withRebuiltExceptions(b, m, body, parameterNames(m)).build();
    }

    /** Wraps a statement so that declared exceptions thrown on the node are rethrown as themselves. */
    private static MethodSpec.Builder withRebuiltExceptions(
            MethodSpec.Builder b, ManagedModel.Executable e, CodeBlock statement, List<String> names) {
        if (e.rebuilt().isEmpty()) {
            return b.addStatement(statement);
        }
        String failure = Names.unique("failure", names);
        b.beginControlFlow("try").addStatement(statement);
        b.nextControlFlow("catch ($T $L)", Names.REMOTE_INVOCATION_EXCEPTION, failure);
        for (ManagedModel.Thrown t : e.rebuilt()) {
            b.beginControlFlow("if ($L.remoteType().equals($S))", failure, t.binaryName())
                    .addStatement("throw $L", rebuild(t, failure))
                    .endControlFlow();
        }
        b.addStatement("throw $L", failure);
        return b.endControlFlow();
    }

    private static CodeBlock rebuild(ManagedModel.Thrown t, String failure) {
        TypeName type = TypeName.get(t.type());
        switch (t.rebuild()) {
            case MESSAGE_AND_CAUSE:
                return CodeBlock.of(
                        "$T.rethrown(new $T($L.remoteMessage(), $L.getCause()), $L)",
                        Names.MANAGED_CALLS,
                        type,
                        failure,
                        failure,
                        failure);
            case MESSAGE:
                return CodeBlock.of(
                        "$T.rethrown(new $T($L.remoteMessage()), $L)", Names.MANAGED_CALLS, type, failure, failure);
            default:
                return CodeBlock.of("$T.rethrown(new $T(), $L)", Names.MANAGED_CALLS, type, failure);
        }
    }

    /** The function an async method uses to turn a remote failure into a declared exception. */
    private static MethodSpec failureMapper(ManagedModel.Executable m) {
        MethodSpec.Builder b = MethodSpec.methodBuilder(failureMapperName(m))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(Names.THROWABLE)
                .addParameter(Names.REMOTE_INVOCATION_EXCEPTION, "failure");
        for (ManagedModel.Thrown t : m.rebuilt()) {
            b.beginControlFlow("if (failure.remoteType().equals($S))", t.binaryName())
                    .addStatement("return $L", rebuild(t, "failure"))
                    .endControlFlow();
        }
        return b.addStatement("return failure").build();
    }

    private static String failureMapperName(ManagedModel.Executable m) {
        return "failureOf" + Character.toUpperCase(m.name().charAt(0))
                + m.name().substring(1) + "_" + m.index();
    }

    private TypeSpec asyncType(ManagedModel model, ClassName async, ClassName proxy) {
        TypeSpec.Builder type = TypeSpec.classBuilder(async)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(
                        "The asynchronous view of a {@link $T}: each method sends its call and returns at once;"
                                + " the future\ncompletes on a connection thread when the node answers (with the"
                                + " method's declared exception,\nrebuilt, when it throws one). Calls from one"
                                + " thread reach the node in order.\n",
                        proxy)
                .addField(Names.PROXY_HANDLE, "handle", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(Names.PROXY_HANDLE, "handle")
                        .addStatement("this.handle = handle")
                        .build());
        for (ManagedModel.Executable m : model.methods) {
            if (m.signature().equals("toString()") || m.signature().equals("clone()")) {
                continue; // Object's methods: a future cannot take their place
            }
            TypeName result = m.resultKind() == SendableTypes.Kind.VOID
                    ? ClassName.get(Void.class)
                    : proxyType(m.result(), m.resultKind()).box();
            MethodSpec.Builder b = MethodSpec.methodBuilder(m.name())
                    .addJavadoc(
                            "Runs {@code $L} of the {@link $T} on the node, without waiting.\n",
                            m.signature(),
                            model.managedClass())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(Names.COMPLETABLE_FUTURE, result));
            addParameters(b, m);
            documentParameters(b, m);
            b.addJavadoc("@return completes with what the node's method returned, or fails with what it threw\n");
            List<String> names = parameterNames(m);
            String value = Names.unique("value", names);
            CodeBlock fit;
            switch (m.resultKind()) {
                case VOID:
                    fit = CodeBlock.of("$T::voidResult", Names.MANAGED_CALLS);
                    break;
                case PRIMITIVE:
                    fit = CodeBlock.of(
                            "$T::$L",
                            Names.MANAGED_CALLS,
                            Names.primitiveResult(m.result().getKind()));
                    break;
                default:
                    fit = CodeBlock.of(
                            "$L -> $T.<$T>result($L, $T.class)",
                            value,
                            Names.MANAGED_CALLS,
                            result,
                            value,
                            erasure(m.result(), m.resultKind()));
            }
            CodeBlock call = CodeBlock.of(
                    "this.handle.callAsync($L, $S, $L)",
                    Names.constant(m.name(), m.index()),
                    m.name(),
                    argumentArray(m));
            if (m.rebuilt().isEmpty()) {
                b.addStatement("return $T.async($L, $L)", Names.MANAGED_CALLS, call, fit);
            } else {
                b.addStatement(
                        "return $T.async($L, $L, $T::$L)", Names.MANAGED_CALLS, call, fit, proxy, failureMapperName(m));
            }
            type.addMethod(b.build());
        }
        return type.build();
    }

    private static void addSharedObjectMethods(TypeSpec.Builder type, boolean remoteToString) {
        type.addMethod(MethodSpec.methodBuilder("objectId")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(long.class)
                .addStatement("return handle.objectId()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("typeName")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return handle.typeName()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("close")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addStatement("handle.close()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("isClosed")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addStatement("return handle.isClosed()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("proxyHandle")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(Names.PROXY_HANDLE)
                .addStatement("return handle")
                .build());
        if (!remoteToString) {
            type.addMethod(MethodSpec.methodBuilder("toString")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement("return $S + handle + $S", "<proxy of ", ">")
                    .build());
        }
    }

    private void addParameters(MethodSpec.Builder b, ManagedModel.Executable e) {
        for (ManagedModel.Parameter p : e.parameters()) {
            b.addParameter(ParameterSpec.builder(proxyType(p.type(), p.kind()), p.name())
                    .build());
        }
        b.varargs(e.varargs());
    }

    private static void documentParameters(MethodSpec.Builder b, ManagedModel.Executable e) {
        if (!e.parameters().isEmpty()) {
            b.addJavadoc("\n");
        }
        for (ManagedModel.Parameter p : e.parameters()) {
            b.addJavadoc("@param $L the argument of the same name\n", p.name());
        }
    }

    private static void addThrows(MethodSpec.Builder b, ManagedModel.Executable e) {
        for (TypeMirror t : e.declaredThrows()) {
            b.addException(TypeName.get(t));
        }
    }

    private static List<String> parameterNames(ManagedModel.Executable e) {
        List<String> names = new ArrayList<>();
        for (ManagedModel.Parameter p : e.parameters()) {
            names.add(p.name());
        }
        return names;
    }

    private static CodeBlock argumentArray(ManagedModel.Executable e) {
        if (e.parameters().isEmpty()) {
            return CodeBlock.of("new Object[0]");
        }
        return CodeBlock.of("new Object[] {$L}", String.join(", ", parameterNames(e)));
    }

    /** The type a proxy uses for a parameter or result: a managed class becomes its proxy. */
    private static TypeName proxyType(TypeMirror t, SendableTypes.Kind kind) {
        if (kind == SendableTypes.Kind.MANAGED) {
            return ManagedModel.proxyOf((TypeElement) ((DeclaredType) t).asElement());
        }
        return TypeName.get(t);
    }

    private TypeName erasure(TypeMirror t, SendableTypes.Kind kind) {
        if (kind == SendableTypes.Kind.MANAGED) {
            return proxyType(t, kind);
        }
        return TypeName.get(types.erasure(t)).withoutAnnotations();
    }
}
