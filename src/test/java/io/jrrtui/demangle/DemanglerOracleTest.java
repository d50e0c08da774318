package io.jrrtui.demangle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: every mangled symbol of real binaries, demangled by us in verbose mode and by
 * c++filt (the oracle, test-only). Asserts the agreement percentage.
 */
class DemanglerOracleTest {
    private static final double REQUIRED_AGREEMENT = 98.0;

    @TempDir
    Path tmp;

    private static Path projectDir() {
        return Path.of(System.getProperty("jrrtui.projectDir", "."));
    }

    private static List<String> mangledSymbols(List<String> nmCommand) throws Exception {
        TreeSet<String> names = new TreeSet<>();
        for (String line : OracleTool.run(nmCommand, null).split("\n")) {
            String[] f = line.trim().split("\\s+");
            String name = f[f.length - 1];
            int at = name.indexOf('@');
            if (at > 0) {
                name = name.substring(0, at);
            }
            if (name.startsWith("_Z") || name.startsWith("_R")) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    /** Percentage of {@code names} where our verbose output equals c++filt's; prints mismatches. */
    private static double agreement(String label, List<String> names) throws Exception {
        String[] expected = OracleTool.run(List.of("c++filt"), String.join("\n", names) + "\n").split("\n", -1);
        int same = 0;
        int shown = 0;
        for (int i = 0; i < names.size(); i++) {
            String ours = Demangler.demangle(names.get(i), true).orElse(names.get(i));
            if (ours.equals(expected[i])) {
                same++;
            } else if (shown++ < 15) {
                System.out.println(label + " MISMATCH " + names.get(i) + "\n  c++filt: " + expected[i]
                        + "\n  ours:    " + ours);
            }
        }
        double pct = names.isEmpty() ? 100.0 : 100.0 * same / names.size();
        System.out.printf("%s: %d/%d symbols agree with c++filt (%.2f%%)%n", label, same, names.size(), pct);
        return pct;
    }

    private static void assumeTools(String... tools) {
        for (String t : tools) {
            Assumptions.assumeTrue(OracleTool.exists(t), t + " is not installed: no oracle to compare with");
        }
    }

    @Test
    void libstdcxxDynamicSymbols() throws Exception {
        assumeTools("c++filt", "nm");
        Path lib = Path.of("/usr/lib/x86_64-linux-gnu/libstdc++.so.6");
        Assumptions.assumeTrue(Files.exists(lib), "libstdc++.so.6 not found");
        List<String> names = mangledSymbols(List.of("nm", "-D", lib.toString()));
        assertTrue(names.size() > 1000, "too few symbols: " + names.size());
        assertTrue(agreement("libstdc++", names) > REQUIRED_AGREEMENT);
    }

    @Test
    void cxxFixtureWithTemplatesLambdasOperators() throws Exception {
        assumeTools("c++filt", "nm", "g++");
        Path bin = tmp.resolve("uw_cxx_names");
        OracleTool.run(List.of("g++", "-g", "-O0", "-std=gnu++17", "-o", bin.toString(),
                projectDir().resolve("test-binaries/uw_cxx_names.cpp").toString()), null);
        List<String> names = mangledSymbols(List.of("nm", bin.toString()));
        assertTrue(names.size() > 100, "too few symbols: " + names.size());
        assertTrue(agreement("c++ fixture", names) > REQUIRED_AGREEMENT);
    }

    @Test
    void rustLegacyAndV0() throws Exception {
        assumeTools("c++filt", "nm", "rustc");
        Path src = projectDir().resolve("test-binaries/uw_rust_names.rs");
        // rustc's default mixes legacy (_ZN..17h..E) and v0 (_R) names; forcing v0 needs no nightly flag
        for (String mangling : List.of("default", "v0")) {
            Path bin = tmp.resolve("uw_rust_names_" + mangling);
            List<String> cmd = new ArrayList<>(List.of("rustc", "-g", "-o", bin.toString(), src.toString()));
            if (!mangling.equals("default")) {
                cmd.add("-Csymbol-mangling-version=" + mangling);
            }
            OracleTool.run(cmd, null);
            List<String> names = mangledSymbols(List.of("nm", bin.toString()));
            assertTrue(names.size() > 100, "too few symbols: " + names.size());
            assertTrue(agreement("rust " + mangling, names) > REQUIRED_AGREEMENT);
        }
    }
}
