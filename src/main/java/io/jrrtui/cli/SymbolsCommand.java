package io.jrrtui.cli;

import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;
import io.jrrtui.dwarf.Unit;
import io.jrrtui.eval.TypeFactory;
import io.jrrtui.eval.TypeNames;
import io.jrrtui.symbols.AddressInfo;
import io.jrrtui.symbols.BreakpointLocation;
import io.jrrtui.symbols.FunctionInfo;
import io.jrrtui.symbols.InlineFrame;
import io.jrrtui.symbols.ModuleSymbols;
import io.jrrtui.symbols.SourceLine;
import io.jrrtui.util.JrrException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** {@code jrrtui symbols BINARY ...}: what jrrtui's own ELF/DWARF reader knows about a binary. */
public final class SymbolsCommand implements Command {
    @Override public String name() { return "symbols"; }

    @Override public String summary() { return "show functions, lines, types and breakpoint addresses of a binary"; }

    @Override public String usage() {
        return String.join("\n",
                "usage: jrrtui symbols BINARY [--functions] [--lines FILE] [--types] [--addr ADDR]... [--break LOCATION]...",
                "  (no option)      summary: build-id, debug file, units, functions, source files",
                "  --functions      every function with code: address range, name, declaration line",
                "  --lines FILE     the line table of a source file (matched by path suffix)",
                "  --types          ptype of every named struct, union, enum and typedef",
                "  --addr ADDR      function, file:line and inline chain at a file address (hex 0x.. or decimal)",
                "  --break LOCATION where 'break LOCATION' (FUNC, FILE:LINE, *ADDR) would stop, as gdb chooses");
    }

    private static final class Options {
        Path binary;
        boolean functions, types;
        String linesFile;
        final List<String> addrs = new ArrayList<>();
        final List<String> breaks = new ArrayList<>();
    }

    private Options parse(List<String> args) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--functions": o.functions = true; break;
                case "--types": o.types = true; break;
                case "--lines": o.linesFile = value(args, ++i, a); break;
                case "--addr": o.addrs.add(value(args, ++i, a)); break;
                case "--break": o.breaks.add(value(args, ++i, a)); break;
                case "-?": case "-h": case "--help": throw new UsageException("help requested");
                default:
                    if (a.startsWith("-")) throw new UsageException("unknown option " + a);
                    if (o.binary != null) throw new UsageException("only one BINARY may be given");
                    o.binary = Path.of(a);
            }
        }
        if (o.binary == null) throw new UsageException("missing BINARY");
        return o;
    }

    private static String value(List<String> args, int i, String opt) {
        if (i >= args.size()) throw new UsageException(opt + " needs a value");
        return args.get(i);
    }

    @Override public int run(List<String> args, Console console) {
        Options o = parse(args);
        if (Files.isDirectory(o.binary)) throw new JrrException(o.binary + ": is a directory, not a program");
        if (Files.exists(o.binary) && !Files.isRegularFile(o.binary)) throw new JrrException(o.binary + ": not a regular file");
        if (!Files.isRegularFile(o.binary)) throw new JrrException(o.binary + ": no such file");
        ModuleSymbols m = ModuleSymbols.load(o.binary, 0);
        PrintStream out = console.out();
        boolean any = o.functions || o.types || o.linesFile != null || !o.addrs.isEmpty() || !o.breaks.isEmpty();
        if (!any) summary(m, out);
        if (o.functions) functions(m, out);
        if (o.linesFile != null) lines(m, o.linesFile, out);
        if (o.types) types(m, out);
        int status = 0;
        for (String a : o.addrs) status |= address(m, a, out, console.err());
        for (String b : o.breaks) status |= breakpoint(m, b, out, console.err());
        return status;
    }

    private static void summary(ModuleSymbols m, PrintStream out) {
        out.println("file:       " + m.name());
        out.println("build-id:   " + m.elf().buildId().orElse("(none)"));
        out.println("debug info: " + m.dwarf().map(d -> d.sections().elf().origin() + " (" + d.compileUnits().size() + " units)").orElse("(none)"));
        out.println("functions:  " + m.functions().size());
        List<String> files = m.sourceFiles();
        out.println("sources:    " + files.size());
        for (String f : files) out.println("  " + f);
    }

    private static void functions(ModuleSymbols m, PrintStream out) {
        for (FunctionInfo f : m.functions()) {
            String decl = f.die().flatMap(d -> d.withInherited(Dw.AT_decl_line).map(x -> declSite(x))).orElse("");
            out.printf("0x%x-0x%x %s%s%n", f.lowPc(), f.highPc(), f.name(), decl.isEmpty() ? "" : " " + decl);
        }
        if (!m.hasDwarf()) out.println("(no DWARF: functions come from ELF symbols only; see --addr)");
    }

    private static String declSite(Die d) {
        long line = d.unsigned(Dw.AT_decl_line).orElse(0L);
        String file = d.unsigned(Dw.AT_decl_file).map(i -> {
            var lp = d.unit().lineProgram();
            return lp == null ? "?" : lp.file(i.intValue()).path();
        }).orElse("?");
        int slash = file.lastIndexOf('/');
        return (slash < 0 ? file : file.substring(slash + 1)) + ":" + line;
    }

    private static void lines(ModuleSymbols m, String file, PrintStream out) {
        List<SourceLine> entries = m.lineEntries(file);
        if (entries.isEmpty()) throw new JrrException("No source file named " + file + ".");
        for (SourceLine s : entries) {
            out.printf("0x%x %s:%d%s%s%n", s.startPc(), s.baseName(), s.line(), s.column() > 0 ? ":" + s.column() : "",
                    s.isStmt() ? "" : " (not a statement)");
        }
    }

    private static void types(ModuleSymbols m, PrintStream out) {
        if (m.dwarf().isEmpty()) throw new JrrException(m.name() + ": no debugging information");
        TypeFactory tf = new TypeFactory();
        TreeSet<String> seen = new TreeSet<>();
        for (Unit u : m.dwarf().get().compileUnits()) {
            for (Die d : u.root().children()) {
                int t = d.tag();
                boolean named = d.name().isPresent() && !d.flag(Dw.AT_declaration);
                if (!named || !(t == Dw.TAG_structure_type || t == Dw.TAG_union_type || t == Dw.TAG_enumeration_type
                        || t == Dw.TAG_typedef || t == Dw.TAG_class_type)) continue;
                String text = TypeNames.ptype(tf.of(d));
                String key = tf.of(d).name();
                if (seen.add(key)) out.println(key + " = " + text);
            }
        }
    }

    private static int address(ModuleSymbols m, String text, PrintStream out, PrintStream err) {
        long addr;
        try {
            addr = text.startsWith("0x") || text.startsWith("0X") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("bad address " + text);
        }
        Optional<AddressInfo> info = m.lookup(addr);
        if (info.isEmpty()) {
            err.printf("jrrtui symbols: No symbol matches 0x%x.%n", addr);
            return 2;
        }
        AddressInfo i = info.get();
        String where = i.line().map(s -> " (" + s.baseName() + ":" + s.line() + ")").orElse("");
        out.printf("0x%x is in %s <%s>%s%n", addr, i.innermostFunction(), i.symbolic(), where);
        List<InlineFrame> chain = i.inlineChain();
        if (chain.size() > 1) {
            for (InlineFrame f : chain) {
                out.printf("  %s%s at %s:%d%n", f.inlined() ? "[inlined] " : "", f.function(), base(f.file()), f.line());
            }
        }
        return 0;
    }

    private static String base(String f) {
        if (f == null) return "??";
        int slash = f.lastIndexOf('/');
        return slash < 0 ? f : f.substring(slash + 1);
    }

    private static int breakpoint(ModuleSymbols m, String loc, PrintStream out, PrintStream err) {
        List<BreakpointLocation> locs;
        try {
            locs = m.breakpointAddresses(loc);
        } catch (JrrException e) {
            err.println("jrrtui symbols: " + e.getMessage());
            return 2;
        }
        for (BreakpointLocation b : locs) {
            if (b.file() != null) out.printf("Breakpoint at 0x%x: file %s, line %d.%n", b.address(), b.displayFile(), b.line());
            else out.printf("Breakpoint at 0x%x%s%n", b.address(), b.function() == null ? "" : " <" + b.function() + ">");
        }
        return 0;
    }
}
