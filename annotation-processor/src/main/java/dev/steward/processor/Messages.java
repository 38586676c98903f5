package dev.steward.processor;

/**
 * Every diagnostic the processor reports, in one place. Each says what is wrong and how to fix it.
 */
final class Messages {
    private Messages() {}

    static final String SENDABLE_HINT = "Send primitives, String, JDK value types (UUID, BigDecimal, java.time, ...),"
            + " records and enums of these, arrays and java.util collections of them, Object, a @Managed class or a"
            + " shared object (SharedList, ...); for a type sent through a TypeAdapter, list it in"
            + " @Managed(adapted = ...)";

    static String notAClass(String kind) {
        return "@Managed applies to classes, not to " + kind + ": the node instantiates the class and hosts the"
                + " instance; annotate a concrete class instead";
    }

    static String notPublic(String name) {
        return "@Managed class " + name + " must be public: its generated proxy, dispatcher and registration"
                + " are public classes that name it; make it public";
    }

    static String enclosingNotPublic(String name, String enclosing) {
        return "@Managed class " + name + " is nested in " + enclosing + ", which is not public: make " + enclosing
                + " public, or move " + name + " to the top level";
    }

    static String notStatic(String name) {
        return "@Managed class " + name + " is an inner class: the node cannot create it without an instance of"
                + " its enclosing class; make it static";
    }

    static String local(String name) {
        return "@Managed class " + name + " is a local or anonymous class: move it to the top level or make it a"
                + " public static nested class";
    }

    static String isAbstract(String name) {
        return "@Managed class " + name + " is abstract: the node must instantiate it; make it concrete (a"
                + " proxy has exactly the exposed methods of one class)";
    }

    static String genericClass(String name) {
        return "@Managed class " + name + " has type parameters, which a proxy cannot carry across JVMs: remove"
                + " them (use a concrete subclass, or Object where any sendable value is accepted)";
    }

    static String noConstructor(String name) {
        return "@Managed class " + name + " has no public constructor for the node to run: add one (its"
                + " parameters must be sendable)";
    }

    static String exposedNotPublic(String method) {
        return "@Exposed method " + method + " must be public: other JVMs call it through the proxy; make it"
                + " public, or remove @Exposed";
    }

    static String exposedStatic(String method) {
        return "@Exposed method " + method + " is static: exposed methods run on the instance the node hosts;"
                + " make it an instance method, or remove @Exposed";
    }

    static String exposedOutsideManaged(String method, String owner) {
        return "@Exposed method " + method + " is in " + owner + ", which is not a @Managed class, so nothing"
                + " exposes it: annotate " + owner + " with @Managed, or remove @Exposed";
    }

    static String genericMethod(String method) {
        return "@Exposed method " + method + " has type parameters: the node needs concrete types to decode its"
                + " arguments; remove them (Object accepts any sendable value)";
    }

    static String genericConstructor(String name) {
        return "public constructor " + name + " has type parameters: the node needs concrete types to decode"
                + " its arguments; remove them";
    }

    static String reserved(String method) {
        return "method " + method + " cannot be exposed: the proxy implements it itself (SharedObject's"
                + " objectId(), typeName(), close(), isClosed(), the async() view, equals, hashCode and finalize);"
                + " rename the method";
    }

    static String ambiguous(String method, String other, String proxySignature) {
        return "@Exposed method " + method + " and " + other + " would both become " + proxySignature
                + " in the proxy, where a @Managed parameter type is replaced by its proxy class: rename one";
    }

    static String tooMany(String name, int max) {
        return "@Managed class " + name + " exposes more than " + max + " methods or constructors: split it";
    }

    static String parameterNotSendable(String parameter, String method, String detail) {
        return "parameter '" + parameter + "' of " + method + " cannot be sent to the node: " + detail + ". "
                + SENDABLE_HINT;
    }

    static String resultNotSendable(String method, String detail) {
        return "the result of " + method + " cannot be sent back from the node: " + detail + ". " + SENDABLE_HINT;
    }

    static String nothingExposed(String name) {
        return "@Managed class " + name + " exposes no method, so its proxy can do nothing but be passed around:"
                + " annotate methods with @Exposed, or use @Managed(exposeAll = true)";
    }

    static String exceptionNotRebuilt(String exception, String method) {
        return "exception " + exception + " declared by " + method + " has no public constructor taking"
                + " (String, Throwable), (String) or (): a client receives it as RemoteInvocationException; add"
                + " such a constructor to have it rethrown as itself";
    }

    static String internalError(String what) {
        return "Steward's annotation processor failed unexpectedly (" + what + "); please report it with the"
                + " class that caused it";
    }
}
