package io.jrrtui.dap;

import java.util.List;
import java.util.Map;

/** A request's "arguments" object with typed access; a missing or mistyped required member is {@link Bad}. */
final class Args {
    /** A request whose arguments do not fit it: answered with an error response. */
    static final class Bad extends RuntimeException {
        Bad(String message) {
            super(message);
        }
    }

    private final Map<String, Object> map;

    Args(Map<String, Object> map) {
        this.map = map;
    }

    String string(String name, String fallback) {
        Object v = map.get(name);
        if (v == null) return fallback;
        if (!(v instanceof String s)) throw new Bad("'" + name + "' must be a string");
        return s;
    }

    String string(String name) {
        String s = string(name, null);
        if (s == null) throw new Bad("missing '" + name + "'");
        return s;
    }

    long number(String name, long fallback) {
        Object v = map.get(name);
        if (v == null) return fallback;
        if (v instanceof Long l) return l;
        if (v instanceof Double d) return d.longValue();
        throw new Bad("'" + name + "' must be a number");
    }

    long number(String name) {
        if (!map.containsKey(name)) throw new Bad("missing '" + name + "'");
        return number(name, 0);
    }

    boolean flag(String name) {
        return Boolean.TRUE.equals(map.get(name));
    }

    @SuppressWarnings("unchecked")
    Args object(String name) {
        Object v = map.get(name);
        if (v == null) return new Args(Map.of());
        if (!(v instanceof Map)) throw new Bad("'" + name + "' must be an object");
        return new Args((Map<String, Object>) v);
    }

    @SuppressWarnings("unchecked")
    List<Args> objects(String name) {
        Object v = map.get(name);
        if (v == null) return List.of();
        if (!(v instanceof List<?> l)) throw new Bad("'" + name + "' must be an array");
        return l.stream().map(o -> {
            if (!(o instanceof Map)) throw new Bad("'" + name + "' must hold objects");
            return new Args((Map<String, Object>) o);
        }).toList();
    }
}
