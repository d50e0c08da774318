package io.jrrtui.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading what gdb and jrrtui print about the pm_* core fixtures, to compare them: lines, thread
 * rows, the program's own frames per thread, register rows and printed values.
 */
public final class CoreTranscripts {
    /** A frame of the program's own code in a backtrace line: function, arguments, line. */
    private static final Pattern PROGRAM_FRAME = Pattern.compile(
            "^#\\d+\\s+(?:0x[0-9a-f]+ in )?(store_result|run_worker|wait_forever|main|check_balance) \\(([^)]*)\\) at \\S*?\\.c:(\\d+)$");
    /** An info threads row: number and LWP (gdb says "LWP N" on a core, "Thread N" over the remote protocol; "Thread 0x..." is a pthread, not an LWP). */
    private static final Pattern THREAD_ROW = Pattern.compile("^\\*?\\s+(\\d+)\\s+.*?(?:LWP|Thread) (\\d+)(?![x\\d])");
    private static final Pattern VALUE = Pattern.compile("^\\$\\d+ = (.*)$");

    private CoreTranscripts() {}

    public static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " in\n" + out));
    }

    public static String lineWith(String out, String part) {
        return out.lines().filter(l -> l.contains(part)).findFirst().orElseThrow(() -> new AssertionError("no " + part + " in\n" + out));
    }

    public static String lineStarting(String out, String prefix) {
        return line(out, prefix);
    }

    /** info threads rows: thread number to LWP. */
    public static Map<Integer, Integer> threadRows(String out) {
        Map<Integer, Integer> rows = new LinkedHashMap<>();
        for (String l : out.lines().toList()) {
            Matcher m = THREAD_ROW.matcher(l);
            if (m.find()) rows.put(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return rows;
    }

    /** Per thread ("Thread N" headers of thread apply all bt; "" for a plain bt), its frames in the program's code. */
    public static Map<String, List<String>> programFrames(String out) {
        Map<String, List<String>> stacks = new LinkedHashMap<>();
        String thread = "";
        for (String l : out.lines().toList()) {
            Matcher t = Pattern.compile("^Thread (\\d+) \\(").matcher(l);
            if (t.find()) {
                thread = t.group(1);
                stacks.put(thread, new ArrayList<>());
                continue;
            }
            Matcher f = PROGRAM_FRAME.matcher(l);
            if (f.find()) stacks.computeIfAbsent(thread, k -> new ArrayList<>()).add(f.group(1) + "(" + f.group(2).replaceAll("0x[0-9a-f]+", "ADDR") + "):" + f.group(3));
        }
        if (stacks.size() > 1) stacks.remove(""); // the frame gdb shows on loading the core, before the threads
        return stacks;
    }

    /** info registers rows, spaces normalised (gdb shows no fs_base/gs_base for a core; jrrtui does). */
    public static List<String> registerRows(String out) {
        return out.lines().filter(l -> l.matches("^[a-z][a-z0-9_]* +0x[0-9a-f]+ .*")).map(l -> l.replaceAll(" +", " ")).distinct().toList();
    }

    public static List<String> values(String out) {
        List<String> v = new ArrayList<>();
        for (String l : out.lines().toList()) {
            Matcher m = VALUE.matcher(l);
            if (m.find()) v.add(m.group(1));
        }
        return v;
    }

}
