package io.jrrtui.cli;

import java.util.List;

/** Minimal JSON string encoding for the --json outputs (no dependency needed for writing). */
final class Json {
    private Json() {}

    static String str(String s) {
        return io.jrrtui.util.JsonText.quote(s);
    }

    static String strs(List<String> list) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) sb.append(i > 0 ? "," : "").append(str(list.get(i)));
        return sb.append(']').toString();
    }
}
