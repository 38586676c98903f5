package dev.steward.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Writes {@code Counter_Dispatcher}: the node side, a switch on the constructor or method index
 * that calls the class directly, fitting each argument to its parameter type.
 */
final class DispatcherWriter {
    private final Types types;

    DispatcherWriter(Types types) {
        this.types = types;
    }

    JavaFile write(ManagedModel model) {
        ClassName dispatcher = model.dispatcherClass();
        ClassName managed = model.managedClass();
        TypeSpec.Builder type = TypeSpec.classBuilder(dispatcher)
                .addOriginatingElement(model.element)
                .addAnnotation(Names.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(Names.MANAGED_DISPATCHER, managed))
                .addJavadoc(
                        "Runs the constructors and exposed methods of {@link $T} on the node, by index, without"
                                + " reflection.\n",
                        managed)
                .addField(FieldSpec.builder(dispatcher, "INSTANCE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", dispatcher)
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build())
                .addMethod(MethodSpec.methodBuilder("instance")
                        .addJavadoc("Returns the dispatcher.\n\n@return the dispatcher\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(dispatcher)
                        .addStatement("return INSTANCE")
                        .build());

        CodeBlock.Builder constructs = CodeBlock.builder().beginControlFlow("switch (constructor)");
        for (ManagedModel.Executable c : model.constructors) {
            constructs
                    .add("case $L: // $L\n", c.index(), c.signature())
                    .indent()
                    .addStatement("return new $T($L)", managed, arguments(c))
                    .unindent();
        }
        constructs
                .add("default:\n")
                .indent()
                .addStatement("throw $T.noSuchConstructor($T.class, constructor)", Names.NODE_CALLS, managed)
                .unindent()
                .endControlFlow();
        type.addMethod(MethodSpec.methodBuilder("construct")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(managed)
                .addParameter(int.class, "constructor")
                .addParameter(Object[].class, "args")
                .addParameter(Names.NODE_CONTEXT, "context")
                .addException(Names.THROWABLE)
                .addCode(constructs.build())
                .build());

        CodeBlock.Builder invokes = CodeBlock.builder().beginControlFlow("switch (method)");
        for (ManagedModel.Executable m : model.methods) {
            invokes.add("case $L: // $L\n", m.index(), m.signature()).indent();
            CodeBlock call = CodeBlock.of("target.$L($L)", m.name(), arguments(m));
            switch (m.resultKind()) {
                case VOID:
                    invokes.addStatement("$L", call).addStatement("return null");
                    break;
                case MANAGED:
                    invokes.addStatement(
                            "return context.reference($L, $T.class)",
                            call,
                            TypeName.get(types.erasure(m.result())).withoutAnnotations());
                    break;
                case SHARED:
                    invokes.addStatement("return context.sharedReference($L)", call);
                    break;
                default:
                    invokes.addStatement("return $L", call);
            }
            invokes.unindent();
        }
        invokes.add("default:\n")
                .indent()
                .addStatement("throw $T.noSuchMethod($T.class, method)", Names.NODE_CALLS, managed)
                .unindent()
                .endControlFlow();
        type.addMethod(MethodSpec.methodBuilder("invoke")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(Object.class)
                .addParameter(managed, "target")
                .addParameter(int.class, "method")
                .addParameter(Object[].class, "args")
                .addParameter(Names.NODE_CONTEXT, "context")
                .addException(Names.THROWABLE)
                .addCode(invokes.build())
                .build());
        return JavaFile.builder(model.packageName, type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private CodeBlock arguments(ManagedModel.Executable e) {
        List<CodeBlock> args = new ArrayList<>();
        for (int i = 0; i < e.parameters().size(); i++) {
            ManagedModel.Parameter p = e.parameters().get(i);
            args.add(argument(p.type(), p.kind(), i));
        }
        return CodeBlock.join(args, ", ");
    }

    private CodeBlock argument(TypeMirror t, SendableTypes.Kind kind, int i) {
        TypeName erased = TypeName.get(types.erasure(t)).withoutAnnotations();
        switch (kind) {
            case PRIMITIVE:
                return CodeBlock.of("$T.$L(args, $L)", Names.NODE_CALLS, Names.primitiveArg(t.getKind()), i);
            case MANAGED:
                return CodeBlock.of("context.<$T>managed(args, $L, $T.class)", TypeName.get(t), i, erased);
            case SHARED:
                return CodeBlock.of("context.<$T>shared(args, $L, $T.class)", TypeName.get(t), i, erased);
            default:
                return CodeBlock.of("$T.<$T>value(args, $L, $T.class)", Names.NODE_CALLS, TypeName.get(t), i, erased);
        }
    }
}
