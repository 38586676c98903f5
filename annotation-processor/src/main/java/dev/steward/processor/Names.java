package dev.steward.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import java.util.Collection;

/** The classes generated code refers to, and small naming rules shared by the writers. */
final class Names {
    static final ClassName MANAGER = ClassName.get("dev.steward", "Manager");
    static final ClassName SHARED_OBJECT = ClassName.get("dev.steward", "SharedObject");
    static final ClassName REMOTE_INVOCATION_EXCEPTION = ClassName.get("dev.steward", "RemoteInvocationException");
    static final ClassName PROXY_HANDLE = ClassName.get("dev.steward.runtime.client", "ProxyHandle");
    static final ClassName PROXY_SUPPORT = ClassName.get("dev.steward.runtime.client", "ProxySupport");
    static final ClassName MANAGED_CALLS = ClassName.get("dev.steward.runtime.managed", "ManagedCalls");
    static final ClassName MANAGED_TYPE = ClassName.get("dev.steward.runtime.managed", "ManagedType");
    static final ClassName MANAGED_DISPATCHER = ClassName.get("dev.steward.runtime.managed", "ManagedDispatcher");
    static final ClassName NODE_CALLS = ClassName.get("dev.steward.runtime.managed", "NodeCalls");
    static final ClassName NODE_CONTEXT = ClassName.get("dev.steward.runtime.managed", "NodeContext");
    static final ClassName COMPLETABLE_FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName CLASS = ClassName.get("java.lang", "Class");
    static final ClassName THROWABLE = ClassName.get("java.lang", "Throwable");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private Names() {}

    static AnnotationSpec generated() {
        return AnnotationSpec.builder(GENERATED)
                .addMember("value", "$S", ManagedProcessor.class.getName())
                .build();
    }

    /** A name that none of the taken ones shadows or clashes with. */
    static String unique(String base, Collection<String> taken) {
        String name = base;
        while (taken.contains(name)) {
            name = name + "_";
        }
        return name;
    }

    /** {@code getValue} and index 3 become {@code GET_VALUE_3}. */
    static String constant(String methodName, int index) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < methodName.length(); i++) {
            char c = methodName.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                b.append('_');
            }
            b.append(Character.toUpperCase(c));
        }
        return b.append('_').append(index).toString();
    }

    /** The runtime helper that reads a primitive result: {@code intResult}, ... */
    static String primitiveResult(javax.lang.model.type.TypeKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "Result";
    }

    /** The runtime helper that reads a primitive argument: {@code intArg}, ... */
    static String primitiveArg(javax.lang.model.type.TypeKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "Arg";
    }
}
