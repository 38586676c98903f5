package dev.steward.processor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The attributes of a {@code @Managed} annotation, read from its mirror (the processor never loads
 * the classes an annotation names).
 *
 * @param concurrent whether calls may overlap
 * @param inline whether calls run on the transport thread
 * @param exposeAll whether every public instance method is exposed
 * @param adapted qualified names of the types sent through adapters
 */
record ManagedAnnotation(boolean concurrent, boolean inline, boolean exposeAll, Set<String> adapted) {
    static ManagedAnnotation of(TypeElement type, Elements elements) {
        for (AnnotationMirror a : type.getAnnotationMirrors()) {
            TypeElement annotation = (TypeElement) a.getAnnotationType().asElement();
            if (!annotation.getQualifiedName().contentEquals(SendableTypes.MANAGED)) {
                continue;
            }
            boolean concurrent = false;
            boolean inline = false;
            boolean exposeAll = false;
            Set<String> adapted = new LinkedHashSet<>();
            Map<? extends ExecutableElement, ? extends AnnotationValue> values =
                    elements.getElementValuesWithDefaults(a);
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
                String name = e.getKey().getSimpleName().toString();
                Object value = e.getValue().getValue();
                if (name.equals("concurrent")) {
                    concurrent = Boolean.TRUE.equals(value);
                } else if (name.equals("inline")) {
                    inline = Boolean.TRUE.equals(value);
                } else if (name.equals("exposeAll")) {
                    exposeAll = Boolean.TRUE.equals(value);
                } else if (name.equals("adapted") && value instanceof List<?> list) {
                    for (Object item : list) {
                        if (item instanceof AnnotationValue v && v.getValue() instanceof TypeMirror t) {
                            if (t instanceof DeclaredType d) {
                                adapted.add(((TypeElement) d.asElement())
                                        .getQualifiedName()
                                        .toString());
                            }
                        }
                    }
                }
            }
            return new ManagedAnnotation(concurrent, inline, exposeAll, Set.copyOf(adapted));
        }
        return new ManagedAnnotation(false, false, false, Set.of());
    }
}
