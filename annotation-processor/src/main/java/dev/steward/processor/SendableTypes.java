package dev.steward.processor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides what an exposed signature may mention: how each parameter and result travels ({@link
 * Kind}), and, for values, whether Steward's codec can send them at all.
 */
final class SendableTypes {
    static final String MANAGED = "dev.steward.Managed";
    static final String EXPOSED = "dev.steward.Exposed";
    static final String SHARED_OBJECT = "dev.steward.SharedObject";

    /** How a parameter or result travels. */
    enum Kind {
        /** A primitive, by value. */
        PRIMITIVE,
        /** Nothing (a {@code void} result). */
        VOID,
        /** A value the codec copies: wrapper, string, record, enum, array, collection, Object. */
        VALUE,
        /** An instance of a {@code @Managed} class: the proxy on the client, the object on the node. */
        MANAGED,
        /** A shared object (SharedList, ...): a proxy on both sides. */
        SHARED
    }

    /** JDK classes the codec sends without registration (besides wrappers and collections). */
    private static final Set<String> JDK_VALUES = Set.of(
            "java.lang.Object",
            "java.lang.String",
            "java.lang.Boolean",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Short",
            "java.lang.Byte",
            "java.lang.Character",
            "java.lang.Double",
            "java.lang.Float",
            "java.lang.Void",
            "java.util.UUID",
            "java.math.BigInteger",
            "java.math.BigDecimal",
            "java.time.Instant",
            "java.time.Duration",
            "java.time.LocalDate",
            "java.time.LocalTime",
            "java.time.LocalDateTime",
            "java.time.OffsetDateTime",
            "java.time.OffsetTime",
            "java.time.ZonedDateTime",
            "java.time.ZoneId",
            "java.time.ZoneOffset",
            "java.time.Period",
            "java.time.Year",
            "java.time.YearMonth",
            "java.time.MonthDay");

    /** Collection and map classes that a node fits received values to (as the runtime's NodeCalls). */
    static final Set<String> COLLECTIONS = Set.of(
            "java.lang.Iterable",
            "java.util.Collection",
            "java.util.List",
            "java.util.Set",
            "java.util.SortedSet",
            "java.util.NavigableSet",
            "java.util.Queue",
            "java.util.Deque",
            "java.util.Map",
            "java.util.SortedMap",
            "java.util.NavigableMap",
            "java.util.concurrent.ConcurrentMap",
            "java.util.ArrayList",
            "java.util.LinkedList",
            "java.util.concurrent.CopyOnWriteArrayList",
            "java.util.HashSet",
            "java.util.LinkedHashSet",
            "java.util.TreeSet",
            "java.util.ArrayDeque",
            "java.util.HashMap",
            "java.util.LinkedHashMap",
            "java.util.TreeMap",
            "java.util.concurrent.ConcurrentHashMap");

    private final Elements elements;
    private final Types types;
    private final TypeMirror sharedObject;

    SendableTypes(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
        TypeElement shared = elements.getTypeElement(SHARED_OBJECT);
        this.sharedObject = shared == null ? null : shared.asType();
    }

    static boolean hasAnnotation(Element e, String name) {
        for (AnnotationMirror a : e.getAnnotationMirrors()) {
            if (((TypeElement) a.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(name)) {
                return true;
            }
        }
        return false;
    }

    static boolean isManaged(TypeMirror t) {
        return t.getKind() == TypeKind.DECLARED
                && hasAnnotation(((DeclaredType) t).asElement(), MANAGED)
                && ((DeclaredType) t).asElement().getKind() == ElementKind.CLASS;
    }

    boolean isShared(TypeMirror t) {
        return sharedObject != null
                && t.getKind() == TypeKind.DECLARED
                && types.isAssignable(types.erasure(t), sharedObject);
    }

    Kind kindOf(TypeMirror t) {
        if (t.getKind() == TypeKind.VOID) {
            return Kind.VOID;
        }
        if (t.getKind().isPrimitive()) {
            return Kind.PRIMITIVE;
        }
        if (isManaged(t)) {
            return Kind.MANAGED;
        }
        if (isShared(t)) {
            return Kind.SHARED;
        }
        return Kind.VALUE;
    }

    /**
     * Checks a parameter or result type.
     *
     * @param t the type
     * @param from the package of the generated code, which must be able to name the type
     * @param adapted qualified names of types sent through adapters
     * @param valueTypes collects the records and enums found
     * @return {@code null} if it can be sent, else what is wrong
     */
    String check(TypeMirror t, PackageElement from, Set<String> adapted, Set<TypeElement> valueTypes) {
        Kind kind = kindOf(t);
        if (kind == Kind.MANAGED || kind == Kind.SHARED) {
            TypeElement e = (TypeElement) ((DeclaredType) t).asElement();
            return accessible(e, from) ? null : notAccessible(e);
        }
        if (kind == Kind.PRIMITIVE || kind == Kind.VOID) {
            return null;
        }
        return checkValue(t, from, adapted, valueTypes, new HashSet<>(), "");
    }

    private String checkValue(
            TypeMirror t,
            PackageElement from,
            Set<String> adapted,
            Set<TypeElement> valueTypes,
            Set<String> visiting,
            String path) {
        switch (t.getKind()) {
            case BOOLEAN:
            case BYTE:
            case SHORT:
            case INT:
            case LONG:
            case CHAR:
            case FLOAT:
            case DOUBLE:
                return null;
            case ARRAY:
                return checkValue(
                        ((ArrayType) t).getComponentType(),
                        from,
                        adapted,
                        valueTypes,
                        visiting,
                        path + " -> element type");
            case WILDCARD: {
                TypeMirror bound = ((WildcardType) t).getExtendsBound();
                return bound == null ? null : checkValue(bound, from, adapted, valueTypes, visiting, path);
            }
            case TYPEVAR:
                return "type variable " + t + path + " has no concrete type";
            case DECLARED:
                return checkDeclared((DeclaredType) t, from, adapted, valueTypes, visiting, path);
            default:
                return t + path + " is not a type Steward can send";
        }
    }

    private String checkDeclared(
            DeclaredType t,
            PackageElement from,
            Set<String> adapted,
            Set<TypeElement> valueTypes,
            Set<String> visiting,
            String path) {
        TypeElement e = (TypeElement) t.asElement();
        String name = e.getQualifiedName().toString();
        if (isManaged(t)) {
            return "@Managed class " + name + path + " can only travel as a parameter or result by itself, not"
                    + " inside a collection, array or record (pass or return each object on its own)";
        }
        if (isShared(t)) {
            return "shared object " + name + path + " can only travel as a parameter or result by itself, not"
                    + " inside a collection, array or record";
        }
        if (JDK_VALUES.contains(name) || adapted.contains(name)) {
            return null;
        }
        if (COLLECTIONS.contains(name)) {
            List<? extends TypeMirror> args = t.getTypeArguments();
            String[] roles = args.size() == 2
                    ? new String[] {" -> key type", " -> value type"}
                    : new String[] {" -> element type"};
            for (int i = 0; i < args.size(); i++) {
                String problem = checkValue(
                        args.get(i), from, adapted, valueTypes, visiting, path + roles[Math.min(i, roles.length - 1)]);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (e.getKind() == ElementKind.ENUM) {
            if (!accessible(e, from)) {
                return notAccessible(e) + path;
            }
            valueTypes.add(e);
            return null;
        }
        if (e.getKind() == ElementKind.RECORD) {
            if (!accessible(e, from)) {
                return notAccessible(e) + path;
            }
            if (!visiting.add(name)) {
                return null; // checked already (or it contains itself)
            }
            valueTypes.add(e);
            for (RecordComponentElement c : e.getRecordComponents()) {
                String problem = checkValue(
                        c.asType(),
                        from,
                        adapted,
                        valueTypes,
                        visiting,
                        path + " -> component '" + c.getSimpleName() + "' of record " + name);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (name.startsWith("java.") && e.getKind() == ElementKind.CLASS && isCollectionOrMap(t)) {
            return name + path + " is a collection class a node cannot rebuild; declare the parameter as a"
                    + " List, Set, Map or one of their usual implementations (ArrayList, TreeMap, ...)";
        }
        return name + path + " is not a type Steward can send";
    }

    private boolean isCollectionOrMap(DeclaredType t) {
        TypeElement collection = elements.getTypeElement("java.util.Collection");
        TypeElement map = elements.getTypeElement("java.util.Map");
        TypeMirror erased = types.erasure(t);
        return types.isAssignable(erased, types.erasure(collection.asType()))
                || types.isAssignable(erased, types.erasure(map.asType()));
    }

    /** Whether code in a package can name a type: public all the way out, or same package and not private. */
    static boolean accessible(TypeElement e, PackageElement from) {
        for (Element c = e; c instanceof TypeElement; c = c.getEnclosingElement()) {
            Set<Modifier> m = c.getModifiers();
            if (m.contains(Modifier.PUBLIC)) {
                continue;
            }
            if (m.contains(Modifier.PRIVATE) || !packageOf(c).equals(from)) {
                return false;
            }
        }
        return true;
    }

    static PackageElement packageOf(Element e) {
        Element c = e;
        while (!(c instanceof PackageElement)) {
            c = c.getEnclosingElement();
        }
        return (PackageElement) c;
    }

    private static String notAccessible(TypeElement e) {
        return e.getQualifiedName() + " is not public, so the generated proxy cannot name it; make it public";
    }
}
