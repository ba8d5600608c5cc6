package dev.unwind.convert;

import java.lang.reflect.Field;

/** Reads the fields Jinjava's syntax tree keeps to itself (a string literal's value, a dot's property name). */
final class AstFields {
    private AstFields() {
    }

    @SuppressWarnings("unchecked")
    static <T> T get(Object node, String name) {
        for (Class<?> c = node.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return (T) f.get(node);
            } catch (NoSuchFieldException e) {
                // a superclass holds it
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + name + " of " + c.getName(), e);
            }
        }
        throw new IllegalStateException(node.getClass().getName() + " has no field " + name);
    }
}
