package io.jrrtui.debugger;

import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;
import io.jrrtui.elf.ElfSection;
import io.jrrtui.eval.GlobalVariables;
import io.jrrtui.eval.Type;
import io.jrrtui.eval.TypeFactory;
import io.jrrtui.eval.TypeNames;
import io.jrrtui.symbols.FunctionInfo;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * gdb's symbol questions about the program with debug information: {@code info functions},
 * {@code info variables} (the program's own symbols: its shared libraries are left out, which
 * keeps the answer short), {@code info symbol}, {@code info address}, {@code info source}.
 */
final class SymbolListing {
    private final ProgramImage image;
    private final TypeFactory types;
    private final GlobalVariables globals;

    /** The recorded program's own path (the replay runs a copy kept in the trace). */
    private final String programPath;

    SymbolListing(ProgramImage image, TypeFactory types, GlobalVariables globals, String programPath) {
        this.image = image;
        this.programPath = programPath;
        this.types = types;
        this.globals = globals;
    }

    /** info functions|variables [REGEX]: gdb's header, then "File F:" with "LINE:\tdeclaration;" rows sorted by name. */
    List<String> search(String kind, String regex) {
        Pattern p;
        try {
            p = Pattern.compile(io.jrrtui.util.BasicRegex.toJava(regex == null ? "" : regex));
        } catch (PatternSyntaxException e) {
            throw new JrrException("Invalid regexp: " + e.getDescription());
        }
        // file -> name -> row
        Map<String, TreeMap<String, String>> byFile = new TreeMap<>();
        if (kind.equals("functions")) {
            for (FunctionInfo f : image.main().symbols().functions()) {
                if (f.die().isEmpty()) continue;
                Die d = f.die().get();
                boolean cplus = language(d.unit().root().unsigned(Dw.AT_language).orElse(0L).intValue()).equals("c++");
                String signature;
                if (cplus && f.linkageName() != null && f.linkageName().startsWith("_Z")) {
                    // gdb writes a C++ function by its demangled name: parameters as the mangling has them
                    signature = image.main().symbols().displayName(f.linkageName());
                } else {
                    String ps = parameters(d);
                    signature = f.name() + "(" + (cplus && ps.equals("void") ? "" : ps) + ")" + (isConstMethod(d) ? " const" : "");
                }
                // gdb matches a C++ function by its name with the parameters ("main()": ^main$ does not match)
                if (!p.matcher(cplus ? signature : f.name()).find()) continue;
                add(byFile, d, f.name(), (isExternal(d) ? "" : "static ") + TypeNames.declaration(returnType(d), signature) + ";");
            }
        } else if (kind.equals("variables")) {
            for (String name : globals == null ? List.<String>of() : globals.names()) {
                if (!p.matcher(name).find()) continue;
                Optional<Die> d = globals.lookup(name, null);
                if (d.isEmpty() || d.get().tag() == Dw.TAG_enumerator) continue;
                add(byFile, d.get(), name, (isExternal(d.get()) ? "" : "static ") + TypeNames.declaration(types.of(d.get().typeInherited()), name) + ";");
            }
        } else if (kind.equals("types")) {
            for (io.jrrtui.dwarf.Unit u : image.main().symbols().dwarf().map(io.jrrtui.dwarf.DwarfInfo::compileUnits).orElse(List.of())) {
                types(byFile, u.root(), "", p, 0);
            }
        } else {
            throw new JrrException("Undefined info command: \"" + kind + "\".  Try \"help info\".");
        }
        List<String> out = new ArrayList<>();
        String what = kind;
        out.add(regex == null || regex.isEmpty() ? "All defined " + what + ":" : "All " + what + " matching regular expression \"" + regex + "\":");
        for (var file : byFile.entrySet()) {
            out.add("");
            out.add("File " + file.getKey() + ":");
            out.addAll(file.getValue().values());
        }
        if (!kind.equals("types")) {
            List<String> plain = nonDebugging(kind.equals("functions"), p);
            if (!plain.isEmpty()) {
                out.add("");
                out.add("Non-debugging symbols:");
                out.addAll(plain);
            }
        }
        return out;
    }

    /**
     * gdb's "Non-debugging symbols:": the ELF symbols no debug information describes, module by
     * module in address order — the program's and those of libraries without debug information
     * (the libraries with it are left out, as their debug symbols are; so is jrrtui's own preload
     * library, which gdb never sees).
     */
    private List<String> nonDebugging(boolean functions, Pattern p) {
        List<String> out = new ArrayList<>();
        for (LoadedModule m : image.modules()) {
            boolean program = m == image.main();
            if (!program && (m.symbols().hasDwarf() || m.path().endsWith(PreloadRedirects.LIBRARY))) continue;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (io.jrrtui.elf.ElfSymbol s : m.symbols().minimalSymbols()) {
                if (!isKind(m, s, functions) || !p.matcher(s.name()).find()) continue;
                if (program && described(m, s, functions)) continue;
                if (seen.add(s.value() + "\0" + s.name())) out.add(String.format("0x%016x  %s", s.value(), s.name()));
            }
        }
        return out;
    }

    /** A function (or a PLT entry), or a data symbol; an untyped symbol by its section's being code or not. */
    private static boolean isKind(LoadedModule m, io.jrrtui.elf.ElfSymbol s, boolean functions) {
        if (s.type() != 0) return functions ? s.isFunction() : s.isObject();
        for (ElfSection sec : m.symbols().elf().sections()) {
            if (sec.index() == s.sectionIndex()) return sec.isExec() == functions;
        }
        return false;
    }

    /** Whether the program's debug information has the function starting at s, or the variable named s. */
    private boolean described(LoadedModule m, io.jrrtui.elf.ElfSymbol s, boolean function) {
        if (function) {
            return m.symbols().functionContaining(s.value()).filter(f -> f.entryPc() == s.value() && f.die().isPresent()).isPresent();
        }
        return globals != null && globals.lookup(s.name(), null).isPresent();
    }

    /**
     * info types: the named types declared at file (or namespace) level, filed under the file that
     * declares them as gdb does; base types have no line and are filed under their unit.
     */
    private void types(Map<String, TreeMap<String, String>> byFile, Die scope, String prefix, Pattern p, int depth) {
        if (depth > 32) return;
        for (Die d : scope.children()) {
            int tag = d.tag();
            if (tag == Dw.TAG_namespace) {
                types(byFile, d, prefix + d.name().orElse("(anonymous namespace)") + "::", p, depth + 1);
                continue;
            }
            String keyword = switch (tag) {
                case Dw.TAG_structure_type -> "struct ";
                case Dw.TAG_union_type -> "union ";
                case Dw.TAG_class_type -> "class ";
                case Dw.TAG_enumeration_type -> "enum ";
                case Dw.TAG_typedef, Dw.TAG_base_type -> "";
                default -> null;
            };
            if (keyword == null || d.name().isEmpty() || d.flag(Dw.AT_declaration)) continue;
            String name = prefix + d.name().get();
            if (tag != Dw.TAG_base_type && !p.matcher(name).find()) continue;
            if (tag == Dw.TAG_base_type) {
                // by the name gdb gives it ("long", not DWARF's "long int")
                String shown = types.of(d).name();
                if (!p.matcher(shown).find()) continue;
                byFile.computeIfAbsent(d.unit().name().orElse("??"), k -> new TreeMap<>()).put(shown + "\0", "\t" + shown);
                continue;
            }
            boolean cplus = SymbolListing.language(d.unit().root().unsigned(Dw.AT_language).orElse(0L).intValue()).equals("c++");
            String text = tag == Dw.TAG_typedef ? "typedef " + TypeNames.declaration(types.of(d.type()), name) : (cplus ? "" : keyword) + name;
            long line = d.unsigned(Dw.AT_decl_line).orElse(0L);
            String file = declFile(d).orElse(d.unit().name().orElse("??"));
            byFile.computeIfAbsent(file, k -> new TreeMap<>()).put(name + "\0" + text, line + ":\t" + text + ";");
        }
    }

    private static void add(Map<String, TreeMap<String, String>> byFile, Die d, String name, String declaration) {
        String file = declFile(d).orElse(d.unit().name().orElse("??"));
        // a C++ method's definition has its line on the declaration in the class
        long line = d.withInherited(Dw.AT_decl_line).flatMap(x -> x.unsigned(Dw.AT_decl_line)).orElse(0L);
        // gdb's order: the global block's symbols, then the static block's, each by name
        byFile.computeIfAbsent(file, k -> new TreeMap<>()).put((isExternal(d) ? "0" : "1") + name + "\0" + line,
                (line == 0 ? "" : line + ":") + "\t" + declaration);
    }

    /** The file declaring d (through its specification or abstract origin), as gdb names its symtab. */
    private static Optional<String> declFile(Die d) {
        return d.withInherited(Dw.AT_decl_file).flatMap(x -> x.unsigned(Dw.AT_decl_file).flatMap(i -> {
            var lp = x.unit().lineProgram();
            if (lp == null) return Optional.<String>empty();
            // a file of the compilation directory (entry 0) is named as written, as gdb names its symtab
            var entry = lp.file(i.intValue());
            return Optional.of(entry.dirIndex() == 0 ? entry.name() : entry.displayName());
        }));
    }

    private static boolean isExternal(Die d) {
        return d.withInherited(Dw.AT_external).map(x -> x.flag(Dw.AT_external)).orElse(false);
    }

    private Type returnType(Die d) {
        return d.typeInherited().map(types::of).orElse(Type.Void.INSTANCE);
    }

    /** A C++ method whose this points to const: gdb writes "f() const". */
    private boolean isConstMethod(Die d) {
        Die decl = d.origin().orElse(d);
        for (Die c : decl.childrenWithTag(t -> t == Dw.TAG_formal_parameter)) {
            if (!c.flag(Dw.AT_artificial)) return false;
            return types.of(c.typeInherited()).strip() instanceof Type.Pointer ptr && ptr.target().kind() == Type.Kind.CONST;
        }
        return false;
    }

    private String parameters(Die d) {
        List<String> ps = new ArrayList<>();
        Die decl = d.origin().orElse(d);
        for (Die c : decl.childrenWithTag(t -> t == Dw.TAG_formal_parameter || t == Dw.TAG_unspecified_parameters)) {
            if (c.flag(Dw.AT_artificial)) continue; // a method's this
            ps.add(c.tag() == Dw.TAG_unspecified_parameters ? "..." : types.of(c.typeInherited()).name());
        }
        return ps.isEmpty() ? "void" : String.join(", ", ps);
    }

    /** info symbol ADDR: "NAME [+ OFF] in section S of FILE", or that nothing matches. */
    String symbol(long addr, String asTyped) {
        LoadedModule m = image.moduleAt(addr);
        Optional<String> sym = m == null ? Optional.empty() : m.symbols().elfSymbolAt(addr);
        if (m == null || sym.isEmpty()) return "No symbol matches " + asTyped + ".";
        long fileAddr = addr - m.symbols().bias();
        String section = "??";
        for (ElfSection s : m.symbols().elf().sections()) {
            if (s.addr() != 0 && fileAddr >= s.addr() && fileAddr < s.addr() + s.size()) section = s.name();
        }
        String name = sym.get().replaceFirst("\\+(\\d+)$", " + $1");
        return name + " in section " + section + " of " + (m.path().equals(image.main().path()) ? programPath : m.path());
    }

    /** info source: what gdb knows of the compilation unit of pc. */
    List<String> source(long pc, SourceLister lister) {
        LoadedModule m = image.moduleAt(pc);
        Optional<FunctionInfo> f = m == null ? Optional.empty() : m.symbols().functionContaining(pc);
        Optional<Die> cu = f.flatMap(FunctionInfo::die).map(d -> d.unit().root());
        var line = image.symbols().lineAt(pc);
        if (cu.isEmpty() || line.isEmpty()) throw new JrrException("No current source file.");
        Die root = cu.get();
        List<String> out = new ArrayList<>();
        out.add("Current source file is " + root.name().orElse(Inspector.baseName(line.get().file())));
        root.string(Dw.AT_comp_dir).ifPresent(dir -> out.add("Compilation directory is " + dir));
        List<String> text = lister.lines(line.get().file());
        // as gdb: where the file was found (a source path may have moved it), nothing when it was not
        if (text != null) {
            out.add("Located in " + lister.foundAt(line.get().file()));
            out.add("Contains " + text.size() + " lines.");
        }
        out.add("Source language is " + language(root.unsigned(Dw.AT_language).orElse(0L).intValue()) + ".");
        root.string(Dw.AT_producer).ifPresent(p -> out.add("Producer is " + p + "."));
        out.add("Compiled with DWARF " + root.unit().version() + " debugging format.");
        // DW_AT_macro_info (0x43) and DWARF 5's DW_AT_macros (0x79)
        out.add(root.has(0x43) || root.has(0x79) ? "Includes preprocessor macro info." : "Does not include preprocessor macro info.");
        return out;
    }

    static String language(int lang) {
        return switch (lang) {
            case Dw.LANG_C89, Dw.LANG_C, Dw.LANG_C99, Dw.LANG_C11 -> "c";
            case Dw.LANG_C_plus_plus, Dw.LANG_C_plus_plus_11, Dw.LANG_C_plus_plus_14 -> "c++";
            case Dw.LANG_Rust -> "rust";
            default -> "unknown";
        };
    }
}
