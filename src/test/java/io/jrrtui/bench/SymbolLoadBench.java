package io.jrrtui.bench;

import io.jrrtui.symbols.FunctionInfo;
import io.jrrtui.symbols.ModuleSymbols;
import io.jrrtui.symbols.SourceLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark (not a unit test): time for jrrtui to load and index a large binary with debug info and
 * answer {@code info line main}, against {@code gdb -batch -ex 'info line main' BIN}; prints the ratio.
 *
 * <pre>java -cp target/classes:target/test-classes:DEPS io.jrrtui.bench.SymbolLoadBench [BINARY]</pre>
 * Without BINARY it generates a large Rust program (many modules, structs, enums, generic
 * instantiations) and builds it with {@code rustc -g} into /tmp/jrrtui-bench.
 */
public final class SymbolLoadBench {
    private SymbolLoadBench() {}

    public static void main(String[] args) throws Exception {
        Path bin = args.length > 0 ? Path.of(args[0]) : buildRustProgram(Path.of("/tmp/jrrtui-bench"), 400);
        System.out.printf("binary: %s (%.1f MB)%n", bin, Files.size(bin) / 1e6);
        int runs = 5;
        double[] ours = new double[runs];
        String answer = "";
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            answer = infoLineMain(bin);
            ours[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] gdb = new double[3];
        String gdbAnswer = "";
        for (int i = 0; i < gdb.length; i++) {
            long t0 = System.nanoTime();
            gdbAnswer = run(List.of("gdb", "-nx", "-batch", "-ex", "info line main", bin.toString()));
            gdb[i] = (System.nanoTime() - t0) / 1e6;
        }
        long t0 = System.nanoTime();
        ModuleSymbols m = ModuleSymbols.load(bin, 0);
        int bps = m.breakpointAddresses("main").size();
        double breakMain = (System.nanoTime() - t0) / 1e6;
        System.out.println("jrrtui: " + answer);
        System.out.println("gdb:    " + gdbAnswer.strip().lines().reduce((a, b) -> b).orElse(""));
        System.out.printf("jrrtui load+index+info line main: first %.0f ms, median of %d runs %.0f ms%n", ours[0], runs, median(ours));
        System.out.printf("gdb -batch -ex 'info line main':  median of %d runs %.0f ms%n", gdb.length, median(gdb));
        System.out.printf("ratio jrrtui/gdb: first run %.2f, warm %.2f%n", ours[0] / median(gdb), median(ours) / median(gdb));
        System.out.printf("jrrtui load + 'break main' (incl. the inline index of every function): %.0f ms, %d location(s)%n", breakMain, bps);
    }

    /** What {@code info line main} answers: the line of main's first line entry. */
    static String infoLineMain(Path bin) {
        ModuleSymbols m = ModuleSymbols.load(bin, 0).index();
        Optional<FunctionInfo> main = m.functions().stream()
                .filter(f -> f.name().equals("main") || f.name().endsWith("::main")).findFirst();
        if (main.isEmpty()) return "no main";
        Optional<SourceLine> l = m.lineAt(main.get().entryPc());
        return l.map(s -> String.format("Line %d of \"%s\" starts at address 0x%x <%s> and ends at 0x%x.", s.line(), s.baseName(),
                s.startPc(), main.get().name(), s.endPc())).orElse("no line");
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /** Generates and compiles a Rust program with {@code modules} modules of types and generic code. */
    static Path buildRustProgram(Path dir, int modules) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path bin = dir.resolve("bigprog");
        if (Files.isRegularFile(bin)) return bin;
        StringBuilder src = new StringBuilder("use std::collections::{HashMap, BTreeMap};\nuse std::fmt::Debug;\n");
        for (int i = 0; i < modules; i++) {
            src.append(String.format(String.join("\n",
                    "mod m%1$d {",
                    "    use super::*;",
                    "    #[derive(Debug, Clone, PartialEq)] pub struct S%1$d { pub a: u64, pub b: String, pub c: Vec<i32>, pub d: Option<Box<S%1$d>> }",
                    "    #[derive(Debug, Clone)] pub enum E%1$d { A(u32), B { x: f64, y: String }, C }",
                    "    pub fn make(n: u64) -> S%1$d { S%1$d { a: n, b: format!(\"s{}\", n), c: (0..n as i32).collect(), d: None } }",
                    "    pub fn generic<T: Debug + Clone>(v: &[T]) -> Vec<T> { let mut out = v.to_vec(); out.reverse(); out }",
                    "    pub fn run(n: u64) -> usize {",
                    "        let s = make(n);",
                    "        let mut h: HashMap<String, E%1$d> = HashMap::new();",
                    "        h.insert(s.b.clone(), E%1$d::B { x: n as f64, y: s.b.clone() });",
                    "        h.insert(format!(\"a{}\", n), E%1$d::A(n as u32));",
                    "        let mut bt: BTreeMap<u64, S%1$d> = BTreeMap::new();",
                    "        bt.insert(n, s.clone());",
                    "        let g = generic(&s.c);",
                    "        let words: Vec<String> = (0..n).map(|i| format!(\"{:?}\", E%1$d::C) + &i.to_string()).collect();",
                    "        h.len() + bt.len() + g.len() + words.iter().map(|w| w.len()).sum::<usize>() + format!(\"{:?}\", s).len()",
                    "    }",
                    "}", ""), i));
        }
        src.append("fn main() {\n    let mut total = 0usize;\n");
        for (int i = 0; i < modules; i++) src.append(String.format("    total += m%d::run(%d);%n", i, i % 7 + 1));
        src.append("    println!(\"{}\", total);\n}\n");
        Path rs = dir.resolve("bigprog.rs");
        Files.writeString(rs, src);
        System.out.println("building " + bin + " with rustc -g (one-off, may take a minute)...");
        String out = run(List.of("rustc", "-g", "-C", "opt-level=0", "-o", bin.toString(), rs.toString()));
        if (!Files.isRegularFile(bin)) throw new IOException("rustc failed: " + out);
        return bin;
    }

    static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(600, TimeUnit.SECONDS)) p.destroyForcibly();
        return new String(out);
    }
}
