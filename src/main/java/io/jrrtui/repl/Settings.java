package io.jrrtui.repl;

import io.jrrtui.util.JrrException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * gdb's settings as {@code set}/{@code show} know them. The ones that change what jrrtui prints
 * ({@code print pretty}, {@code listsize}) are read by the commands; the others (pagination,
 * confirm, width, height...) are accepted and shown so that gdb scripts, which mostly begin with
 * them, run unchanged — a command line without a pager or questions has nothing else to do with them.
 */
final class Settings {
    /** Setting → its value, and gdb's sentence for show (%s the value). */
    private final Map<String, String> values = new LinkedHashMap<>();
    private static final Map<String, String> SHOW = new LinkedHashMap<>();

    static {
        SHOW.put("pagination", "State of pagination is %s.");
        SHOW.put("confirm", "Whether to confirm potentially dangerous operations is %s.");
        SHOW.put("width", "Number of characters gdb thinks are in a line is %s.");
        SHOW.put("height", "Number of lines gdb thinks are in a page is %s.");
        SHOW.put("listsize", "Number of source lines gdb will list by default is %s.");
        SHOW.put("print pretty", "Pretty formatting of structures is %s.");
        SHOW.put("print elements", "Limit on string chars or array elements to print is %s.");
        SHOW.put("print address", "Printing of addresses is %s.");
        SHOW.put("print object", "Printing of object's derived type based on vtable info is %s.");
        SHOW.put("print static-members", "Printing of C++ static members is %s.");
        SHOW.put("print frame-arguments", "Printing of non-scalar frame arguments is \"%s\".");
        SHOW.put("verbose", "Verbosity is %s.");
        SHOW.put("logging", "logging is %s.");
        SHOW.put("disassembly-flavor", "The disassembly flavor is \"%s\".");
        SHOW.put("language", "The current source language is \"%s\".");
        SHOW.put("startup-with-shell", "Use of shell to start subprocesses is %s.");
        SHOW.put("can-use-hw-watchpoints", "Debugger's willingness to use watchpoint hardware is %s.");
        SHOW.put("breakpoint pending", "Debugger's behavior regarding pending breakpoints is %s.");
        SHOW.put("history save", "Saving of the history record on exit is %s.");
        SHOW.put("style enabled", "CLI output styling is %s.");
    }

    Settings() {
        values.put("pagination", "on");
        values.put("confirm", "on");
        values.put("width", "80");
        values.put("height", "unlimited");
        values.put("listsize", "10");
        values.put("print pretty", "off");
        values.put("print elements", "200");
        values.put("print address", "on");
        values.put("print object", "off");
        values.put("print static-members", "on");
        values.put("print frame-arguments", "scalars");
        values.put("verbose", "off");
        values.put("logging", "off");
        values.put("disassembly-flavor", "att");
        values.put("language", "auto; currently c");
        values.put("startup-with-shell", "on");
        values.put("can-use-hw-watchpoints", "1");
        values.put("breakpoint pending", "auto");
        values.put("history save", "off");
        values.put("style enabled", "off");
    }

    /** The setting a "set" line names and the value after it; null when the line names none. */
    private String settingOf(String line) {
        String best = null;
        for (String name : values.keySet()) {
            if ((line.equals(name) || line.startsWith(name + " ")) && (best == null || name.length() > best.length())) best = name;
        }
        return best;
    }

    /** {@code set NAME VALUE}: true when the line was a setting (else it may be an assignment). */
    boolean set(String line) {
        String name = settingOf(line);
        if (name == null) return false;
        String value = line.substring(name.length()).strip();
        String current = values.get(name);
        boolean onOff = current.equals("on") || current.equals("off");
        if (value.isEmpty()) value = onOff ? "on" : value;
        if (value.isEmpty()) throw new JrrException("Argument required (integer to set it to.).");
        if (onOff) {
            value = switch (value) {
                case "on", "1", "yes", "enable" -> "on";
                case "off", "0", "no", "disable" -> "off";
                default -> throw new JrrException("\"on\" or \"off\" expected.");
            };
        } else if (name.equals("width") || name.equals("height") || name.equals("listsize") || name.equals("print elements")) {
            if (value.equals("0") || value.equals("unlimited")) value = "unlimited";
            else if (!value.matches("\\d+")) throw new JrrException("integer " + value + " out of range");
        }
        values.put(name, value);
        return true;
    }

    /** {@code show NAME}: gdb's sentence. */
    String show(String line) {
        String name = settingOf(line.strip());
        if (name == null) throw new JrrException("Undefined show command: \"" + line.strip() + "\".  Try \"help show\".");
        return String.format(SHOW.get(name), values.get(name));
    }

    boolean printObject() {
        return values.get("print object").equals("on");
    }

    boolean prettyPrint() {
        return values.get("print pretty").equals("on");
    }

    int listSize() {
        String v = values.get("listsize");
        return v.equals("unlimited") ? Integer.MAX_VALUE : Integer.parseInt(v);
    }

    /**
     * A one-line value laid out as gdb's {@code set print pretty on} does: each struct member on
     * its own line, indented two spaces per level of braces; array elements stay on one line.
     */
    static String pretty(String value) {
        StringBuilder out = new StringBuilder();
        java.util.ArrayDeque<Boolean> structs = new java.util.ArrayDeque<>(); // per open brace: is it a struct
        boolean inString = false;
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < value.length()) out.append(value.charAt(++i));
                else if (c == quote) inString = false;
                continue;
            }
            if (c == '"' || c == '\'') {
                inString = true;
                quote = c;
                out.append(c);
            } else if (c == '{') {
                boolean struct = isStructBody(value, i + 1);
                structs.push(struct);
                out.append('{');
                if (struct) out.append('\n').append("  ".repeat(structs.size()));
            } else if (c == '}') {
                boolean struct = !structs.isEmpty() && structs.pop();
                if (struct) out.append('\n').append("  ".repeat(structs.size()));
                out.append('}');
            } else if (c == ',' && !structs.isEmpty() && structs.peek() && value.startsWith(", ", i)) {
                out.append(",\n").append("  ".repeat(structs.size()));
                i++; // the space
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether the braces opening at 'from' hold "name = value" members (a struct) rather than elements. */
    private static boolean isStructBody(String v, int from) {
        int depth = 0;
        for (int i = from; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '{') depth++;
            else if (c == '}') {
                if (depth-- == 0) return false;
            } else if (c == '"' || c == '\'') {
                return false;
            } else if (depth == 0 && c == ',') {
                return false;
            } else if (depth == 0 && c == '=' && v.startsWith(" = ", i - 1)) {
                return true;
            }
        }
        return false;
    }
}
