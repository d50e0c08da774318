package io.jrrtui.repl;

import io.jrrtui.api.MappingInfo;
import io.jrrtui.api.Variable;
import io.jrrtui.repl.ReplCommand.Completion;
import io.jrrtui.util.JrrException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** {@code info SUBCOMMAND}: its own table of subcommands, resolved by unique prefix like commands. */
final class InfoCommands {
    private InfoCommands() {}

    static CommandTable table(ReplContext c) {
        CommandTable t = new CommandTable("Undefined info command: \"%s\".  Try \"help info\".");
        t.addAll(List.of(
                Cmd.of("breakpoints", "Status of user-settable breakpoints and watchpoints.").alias("b", "br", "break")
                        .does((a, out) -> out.print(c.printer.breakpointTable(c.session.breakpoints(), c.scripts::of))),
                Cmd.of("watchpoints", "Status of specified watchpoints (all watchpoints if no argument).").does((a, out) -> {
                    List<io.jrrtui.api.BreakpointInfo> watches = c.session.breakpoints().stream()
                            .filter(b -> b.type().endsWith("watchpoint")).toList();
                    if (watches.isEmpty()) out.println("No watchpoints.");
                    else out.print(c.printer.breakpointTable(watches, c.scripts::of));
                }),
                Cmd.of("checkpoints", "Checkpoints made with the checkpoint command.").does((a, out) -> TimeCommands.table(c, out)),
                Cmd.of("locals", "All local variables of current stack frame.").does((a, out) ->
                        variables(c.session.locals(selectedLevel(c)), "No locals.", out)),
                Cmd.of("args", "Argument variables of current stack frame.").does((a, out) ->
                        variables(c.session.args(selectedLevel(c)), "No arguments.", out)),
                Cmd.of("registers", "List of integer registers and their contents.").alias("r", "reg")
                        .usage("info registers [NAME...]").does((a, out) -> registers(c, a, out)),
                Cmd.of("all-registers", "List of all registers and their contents: general, x87, SSE and AVX.")
                        .usage("info all-registers [NAME...]").does((a, out) -> allRegisters(c, a, out)),
                Cmd.of("float", "Print the status of the floating point unit.")
                        .does((a, out) -> X87Status.lines(fpImage(c)).forEach(out::println)),
                Cmd.of("vector", "Print the status of the vector unit (the vector register group).")
                        .does((a, out) -> registerGroup(c, "vector", out)),
                Cmd.of("frame", "All about the selected stack frame.").alias("f")
                        .usage("info frame [LEVEL]").does((a, out) -> frame(c, a, out)),
                Cmd.of("threads", "Display currently known threads.").does((a, out) -> StackCommands.threads(c, out)),
                Cmd.of("inferiors", "Print a list of inferiors being managed: the replayed process.").usage("info inferiors [1]")
                        .does((a, out) -> inferiors(c, a, out)),
                Cmd.of("proc", "Information about the process: its memory mappings.").usage("info proc mappings")
                        .does((a, out) -> procMappings(c, a.strip(), out)),
                Cmd.of("sharedlibrary", "Status of loaded shared object libraries.").alias("dll")
                        .does((a, out) -> sharedLibraries(c, out)),
                Cmd.of("line", "Core addresses of the code for a source line.").usage("info line [LOCATION]")
                        .complete(Completion.SYMBOL).does((a, out) -> out.println(c.session.lineInfo(a.isBlank() ? null : a.strip()))),
                Cmd.of("signals", "What continue does at each signal, and the signals the program received in the recording.")
                        .usage("info signals [SIGNAL]").alias("handle").does((a, out) -> SignalCommands.info(c, a, out)),
                Cmd.of("source", "Information about the current source file.").does((a, out) -> c.session.sourceInfo().forEach(out::println)),
                Cmd.of("symbol", "Describe what symbol is at location ADDR.").usage("info symbol ADDR")
                        .complete(Completion.SYMBOL).does((a, out) -> out.println(c.session.symbolInfo(Args.require(a, "Argument required (address).")))),
                Cmd.of("address", "Describe where symbol SYM is stored.").usage("info address SYM")
                        .complete(Completion.SYMBOL).does((a, out) -> out.println(c.session.addressInfo(Args.require(a, "Argument required.")))),
                Cmd.of("functions", "All function names, or those matching REGEXP.").usage("info functions [REGEXP]")
                        .does((a, out) -> c.session.symbolSearch("functions", a.strip()).forEach(out::println)),
                Cmd.of("variables", "All global and static variable names, or those matching REGEXP.").usage("info variables [REGEXP]")
                        .does((a, out) -> c.session.symbolSearch("variables", a.strip()).forEach(out::println)),
                Cmd.of("scope", "List the variables local to a scope.").usage("info scope LOCATION\nThe variables of the block at "
                                + "LOCATION (a function, line or *ADDRESS) and of the blocks around it, and where each lives.")
                        .does((a, out) -> c.session.scopeInfo(a.strip()).forEach(out::println)),
                Cmd.of("types", "All type names, or those matching REGEXP.").usage("info types [REGEXP]")
                        .does((a, out) -> c.session.symbolSearch("types", a.strip()).forEach(out::println)),
                Cmd.of("display", "Expressions to display when program stops.").does((a, out) -> out.print(c.displays.table(currentFunction(c))))));
        return t;
    }

    private static String currentFunction(ReplContext c) {
        try {
            return c.session.selectedFrame().where().function();
        } catch (JrrException e) {
            return null;
        }
    }

    /**
     * gdb's table of inferiors: the one process a replay follows ("process N" while it exists,
     * gdb's "<null>" after it ended), its connection the replay, its executable.
     */
    private static void inferiors(ReplContext c, String args, java.io.PrintStream out) {
        for (String n : args.strip().split("\\s+")) {
            if (n.isEmpty() || n.equals("1")) continue;
            if (!n.matches("\\d+")) throw new JrrException("Arguments must be numbers or '$' variables.");
            out.println("No inferiors.");
            return;
        }
        int pid = c.session.processId();
        String exe = c.session.programPath();
        out.println("  Num  Description       Connection           Executable        ");
        out.println(String.format("* %-4s %-17s %-20s %-17s ", "1", pid > 0 ? "process " + pid : "<null>", pid > 0 ? "1 (replay)" : "",
                exe == null ? "" : exe));
    }

    static ReplCommand command(CommandTable infos) {
        return Cmd.of("info", "Generic command for showing things about the program being debugged.").alias("i", "inf")
                .usage("info SUBCOMMAND\n" + list(infos)).complete(Completion.INFO).does((a, out) -> {
                    String args = a.strip();
                    if (args.isEmpty()) {
                        out.print("\"info\" must be followed by the name of an info command.\nList of info subcommands:\n\n"
                                + list(infos));
                        return;
                    }
                    int end = CommandTable.wordEnd(args);
                    if (end == 0) throw new JrrException("Undefined info command: \"" + args + "\".  Try \"help info\".");
                    infos.resolve(args.substring(0, end)).run(args.substring(end).strip(), out);
                });
    }

    static String list(CommandTable infos) {
        StringBuilder sb = new StringBuilder();
        for (ReplCommand s : infos.commands()) sb.append("info ").append(s.name()).append(" -- ").append(s.help()).append('\n');
        return sb.toString();
    }

    private static void variables(List<Variable> vars, String none, PrintStream out) {
        if (vars.isEmpty()) out.println(none);
        for (Variable v : vars) out.println(v.name() + " = " + v.value());
    }

    private static void registers(ReplContext c, String args, PrintStream out) {
        List<Variable> all = c.session.registers();
        List<String> wanted = new ArrayList<>();
        for (String w : Args.words(args)) wanted.add(w.startsWith("$") ? w.substring(1) : w);
        if (wanted.isEmpty()) {
            for (Variable v : all) out.printf("%-15s%s%n", v.name(), v.value());
            return;
        }
        if (wanted.size() == 1 && List.of("general", "float", "vector", "all").contains(wanted.get(0))) {
            registerGroup(c, wanted.get(0), out);
            return;
        }
        List<String[]> fp = null;
        for (String w : wanted) {
            Variable general = all.stream().filter(v -> v.name().equals(w) || alias(v.name()).equals(w)).findFirst().orElse(null);
            if (general != null) {
                out.printf("%-15s%s%n", general.name(), general.value());
                continue;
            }
            if (!FloatRegisters.isName(w)) throw new JrrException("Invalid register `" + w + "'");
            if (fp == null) fp = floatRows(c, true);
            String[] row = fp.stream().filter(r -> r[0].equals(w)).findFirst()
                    .orElseThrow(() -> new JrrException("Invalid register `" + w + "'"));
            out.printf("%-15s%s%n", row[0], row[1]);
        }
    }

    /** gdb's all-registers: the general ones (without the segment bases gdb lists elsewhere), then x87/SSE/AVX. */
    private static void allRegisters(ReplContext c, String args, PrintStream out) {
        if (!args.isBlank()) registers(c, args, out);
        else registerGroup(c, "all", out);
    }

    /** gdb's register groups: general, float (x87: st0-7 and its control words), vector (SSE/AVX with mxcsr), all. */
    private static void registerGroup(ReplContext c, String group, PrintStream out) {
        if (group.equals("general") || group.equals("all")) {
            for (Variable v : c.session.registers()) {
                if (!v.name().endsWith("_base")) out.printf("%-15s%s%n", v.name(), v.value());
            }
        }
        if (group.equals("general")) return;
        List<String[]> rows = floatRows(c, false);
        int x87 = FloatRegisters.X87_ROWS;
        // gdb's vector group leaves out AVX-512's opmask registers (they are in "all")
        List<String[]> shown = group.equals("float") ? rows.subList(0, x87)
                : group.equals("vector") ? rows.subList(x87, rows.size()).stream().filter(r -> !r[0].matches("k[0-7]")).toList() : rows;
        for (String[] row : shown) out.printf("%-15s%s%n", row[0], row[1]);
    }

    private static List<String[]> floatRows(ReplContext c, boolean everyVector) {
        return new FloatRegisters(fpImage(c), c.session::xsaveOffset).rows(everyVector);
    }

    /** The FXSAVE/XSAVE image of the selected thread. */
    private static byte[] fpImage(ReplContext c) {
        byte[] image = c.session.floatingPointRegisters();
        if (image == null || image.length < 512) throw new JrrException("The x87/SSE registers cannot be read in this session.");
        return image;
    }

    /** info frame [LEVEL]: the selected frame, or frame LEVEL named by its address as gdb names it (the selection stays). */
    private static void frame(ReplContext c, String args, PrintStream out) {
        if (args.isBlank()) {
            c.session.frameDescription().forEach(out::println);
            return;
        }
        if (!args.strip().matches("\\d+")) throw new JrrException("Invalid frame level: " + args.strip());
        int selected = c.session.selectedFrame().level();
        List<String> lines;
        try {
            c.session.selectFrame(Integer.parseInt(args.strip()));
            lines = new ArrayList<>(c.session.frameDescription());
        } finally {
            c.session.selectFrame(selected);
        }
        if (!lines.isEmpty()) lines.set(0, lines.get(0).replaceFirst("^Stack level \\d+, frame at", "Stack frame at"));
        lines.forEach(out::println);
    }

    /** gdb's generic register names for x86-64. */
    private static String alias(String reg) {
        return switch (reg) {
            case "rip" -> "pc";
            case "rsp" -> "sp";
            case "rbp" -> "fp";
            default -> reg;
        };
    }

    /**
     * gdb's columns: a running (here: replayed) program shows every mapping with its permissions;
     * a core file shows, as gdb reads them from its NT_FILE note, only the file-backed ones and no
     * permissions.
     */
    private static void procMappings(ReplContext c, String what, PrintStream out) {
        if (!what.equals("mappings")) throw new JrrException("jrrtui shows only 'info proc mappings'.");
        boolean core = !c.session.canMove();
        List<MappingInfo> maps = c.session.mappings();
        out.println("Mapped address spaces:");
        out.println();
        if (core) out.printf("  %18s %18s %10s %10s %s%n", "Start Addr", "End Addr", "Size", "Offset", "objfile");
        else out.printf("  %18s %18s %10s %10s  %-5s  %s%n", "Start Addr", "End Addr", "Size", "Offset", "Perms", "objfile");
        for (MappingInfo m : maps) {
            if (core && m.path().isEmpty()) continue;
            String start = "0x" + Long.toHexString(m.start()), end = "0x" + Long.toHexString(m.end());
            String size = "0x" + Long.toHexString(m.end() - m.start()), offset = "0x" + Long.toHexString(m.offset());
            if (core) out.printf("  %18s %18s %10s %10s %s%n", start, end, size, offset, m.path());
            else out.printf("  %18s %18s %10s %10s  %-5s  %s%n", start, end, size, offset, m.perms(), m.path());
        }
    }

    private static void sharedLibraries(ReplContext c, PrintStream out) {
        List<Variable> libs = c.session.sharedLibraries();
        if (libs.isEmpty()) {
            out.println("No shared libraries loaded at this time.");
            return;
        }
        out.println("From                To                  Syms Read   Shared Object Library");
        for (Variable lib : libs) {
            String[] w = lib.value().strip().split("\\s+", 3);
            if (w.length == 3) out.printf("%-19s %-19s %-11s %s%n", w[0], w[1], w[2], lib.name());
            else out.println(lib.value() + "  " + lib.name());
        }
        if (libs.stream().anyMatch(l -> l.value().contains("(*)"))) {
            out.println("(*): Shared library is missing debugging information.");
        }
    }

    /** The selected frame's level; with no program gdb says no frame is selected (not "No stack."). */
    private static int selectedLevel(ReplContext c) {
        try {
            return c.session.selectedFrame().level();
        } catch (io.jrrtui.util.JrrException e) {
            if (e.getMessage() != null && e.getMessage().equals("No stack.")) throw new io.jrrtui.util.JrrException("No frame selected.");
            throw e;
        }
    }
}
