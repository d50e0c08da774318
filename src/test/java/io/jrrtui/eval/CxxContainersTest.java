package io.jrrtui.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jrrtui.elf.TestBinaries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * libstdc++ containers (test-binaries/cxx_containers.cpp, g++ -g -O0, compiled here because the
 * Makefile builds C and Rust only) printed by jrrtui and by gdb with the system's libstdc++
 * pretty-printers, at a core file written in {@code cxx_stop}: every answer must be identical.
 */
public class CxxContainersTest {
    static final List<String> EXPRESSIONS = List.of(
            "g_str", "g_long_str", "g_empty_str", "g_words", "g_ints", "g_empty_vec", "g_map", "g_ages", "g_set",
            "g_uptr", "g_null_uptr", "g_sptr", "g_sptr2", "g_null_sptr", "g_opt", "g_no_opt", "g_list",
            "g_empty_list", "g_words[1]", "g_ints[2]", "*g_uptr", "*g_sptr", "g_ints[1] + g_ints[4]",
            "g_deque", "g_big_deque", "g_deque_s", "g_umap", "g_umap_s", "g_big_vec", "g_same", "g_big_map", "g_nested",
            "g_vv", "g_weak", "g_items", "g_vv[1]", "g_items[0]", "g_items[0].name",
            "g_uset", "g_multimap", "g_multiset", "g_uarr", "g_view", "g_stack", "g_queue", "g_flist", "g_empty_flist",
            "words", "words[1]", "g_tuple", "g_empty_tuple");

    @Test
    void containersPrintAsGdbsPrettyPrintersDo() throws java.io.IOException {
        Path bin = GdbValuesTest.compiledCpp("cxx_containers");
        Path corePath = TestBinaries.coreAt(bin, "cxx_stop", TestBinaries.sharedTmp());
        GdbValuesTest.Caller caller = GdbValuesTest.callerScope(bin, corePath);
        ValueFormatter fmt = caller.formatter();
        Evaluator ev = new Evaluator(new ScopeContext(caller.scope()));
        Map<String, String> ours = new LinkedHashMap<>();
        List<String> cmds = new ArrayList<>(List.of("core-file " + corePath, "frame 1"));
        for (String x : EXPRESSIONS) {
            cmds.add("echo @@" + x + "\\n");
            cmds.add("print " + x);
            ours.put(x, GdbValuesTest.orError(() -> "$ = " + fmt.format(ev.evaluate(x))));
        }
        cmds.add("echo @@info locals\\n");
        cmds.add("info locals");
        ours.put("info locals", String.join("\n", caller.scope().describe(caller.scope().locals(), fmt)));
        Map<String, String> gdb = GdbValuesTest.splitByMarker(TestBinaries.gdb(bin, cmds));
        StringBuilder bad = new StringBuilder();
        for (Map.Entry<String, String> e : ours.entrySet()) {
            String expect = gdb.getOrDefault(e.getKey(), "<missing>").replaceAll("(?m)^\\$\\d+ = ", "\\$ = ");
            if (!expect.equals(e.getValue())) bad.append("\n  ").append(e.getKey()).append("\n    gdb:  ").append(expect).append("\n    ours: ").append(e.getValue());
        }
        assertEquals("", bad.toString(), "answers that differ from gdb's");
    }
}
