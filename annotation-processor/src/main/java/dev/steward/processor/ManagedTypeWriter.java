package dev.steward.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;

/**
 * Writes {@code Counter_ManagedType}: the registration every JVM finds through {@link
 * java.util.ServiceLoader}, with the method table, the fingerprint, and the links to the proxy and
 * the dispatcher.
 */
final class ManagedTypeWriter {
    private final Types types;

    ManagedTypeWriter(Types types) {
        this.types = types;
    }

    JavaFile write(ManagedModel model) {
        ClassName managed = model.managedClass();
        ClassName self = model.managedTypeClass();
        List<CodeBlock> methods = new ArrayList<>();
        for (ManagedModel.Executable m : model.methods) {
            methods.add(
                    CodeBlock.of("method($S, $L)", m.signature(), m.parameters().size()));
        }
        TypeName classOfAny = ParameterizedTypeName.get(Names.CLASS, WildcardTypeName.subtypeOf(Object.class));
        List<CodeBlock> constructors = new ArrayList<>();
        for (ManagedModel.Executable c : model.constructors) {
            List<CodeBlock> params = new ArrayList<>();
            for (ManagedModel.Parameter p : c.parameters()) {
                params.add(CodeBlock.of(
                        "$T.class", TypeName.get(types.erasure(p.type())).withoutAnnotations()));
            }
            constructors.add(CodeBlock.of("$T.<$T>of($L)", Names.LIST, classOfAny, CodeBlock.join(params, ", ")));
        }
        List<CodeBlock> values = new ArrayList<>();
        for (TypeElement v : model.valueTypes) {
            values.add(CodeBlock.of("$T.class", ClassName.get(v)));
        }
        TypeSpec type = TypeSpec.classBuilder(self)
                .addOriginatingElement(model.element)
                .addAnnotation(Names.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(Names.MANAGED_TYPE, managed))
                .addJavadoc(
                        "Registers {@link $T} with Steward: listed in {@code META-INF/services}, found by every JVM"
                                + " that uses Steward.\n",
                        managed)
                .addField(FieldSpec.builder(long.class, "FINGERPRINT", Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The hash of the sorted constructor and method signatures.\n")
                        .initializer("0x$LL", Long.toHexString(model.fingerprint))
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("Called by {@link java.util.ServiceLoader}.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .addStatement(
                                "super($S,\n$T.class,\nFINGERPRINT,\n$L,\n$L,\n$T.of($L),\n$T.of($L),\n$T.of($L))",
                                model.typeName,
                                managed,
                                model.concurrent,
                                model.inline,
                                Names.LIST,
                                CodeBlock.join(methods, ",\n"),
                                Names.LIST,
                                CodeBlock.join(constructors, ",\n"),
                                Names.LIST,
                                CodeBlock.join(values, ", "))
                        .build())
                .addMethod(MethodSpec.methodBuilder("proxy")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(Names.SHARED_OBJECT)
                        .addParameter(Names.PROXY_HANDLE, "handle")
                        .addStatement("return $T.wrap(handle)", model.proxyClass())
                        .build())
                .addMethod(MethodSpec.methodBuilder("dispatcher")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(Names.MANAGED_DISPATCHER, managed))
                        .addStatement("return $T.instance()", model.dispatcherClass())
                        .build())
                .build();
        return JavaFile.builder(model.packageName, type)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }
}
