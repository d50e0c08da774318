package io.jrrtui.cli;

import java.util.ArrayList;
import java.util.List;

/** A small option parser: flags, options with a value, and positional arguments, in gdb/rr style. */
final class Args {
    private final List<String> positional = new ArrayList<>();
    private final java.util.Map<String, String> values = new java.util.HashMap<>();
    private final java.util.Set<String> flags = new java.util.HashSet<>();

    /**
     * Parses args. valueOptions take the next word; flagOptions take none; everything after "--"
     * or (when stopAtPositional) after the first positional word is positional.
     */
    static Args parse(List<String> args, List<String> flagOptions, List<String> valueOptions, boolean stopAtPositional) {
        Args a = new Args();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.equals("--")) {
                a.positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (s.startsWith("-") && s.length() > 1 && !(stopAtPositional && !a.positional.isEmpty())) {
                String name = s;
                String inline = null;
                int eq = s.indexOf('=');
                if (s.startsWith("--") && eq > 0) {
                    name = s.substring(0, eq);
                    inline = s.substring(eq + 1);
                }
                if (flagOptions.contains(name)) {
                    a.flags.add(name);
                } else if (valueOptions.contains(name)) {
                    if (inline == null) {
                        if (i + 1 >= args.size()) throw new UsageException("option " + name + " needs a value");
                        inline = args.get(++i);
                    }
                    a.values.put(name, inline);
                } else {
                    throw new UsageException("unknown option " + s);
                }
            } else {
                a.positional.add(s);
                if (stopAtPositional) {
                    a.positional.addAll(args.subList(i + 1, args.size()));
                    break;
                }
            }
        }
        return a;
    }

    boolean flag(String... names) {
        for (String n : names) if (flags.contains(n)) return true;
        return false;
    }

    String value(String... names) {
        for (String n : names) if (values.containsKey(n)) return values.get(n);
        return null;
    }

    List<String> positional() {
        return positional;
    }
}
