package io.jrrtui.trace;

/**
 * Writes {@code key=value} lines that {@link java.util.Properties#load(java.io.InputStream)} reads
 * back exactly: the escapes {@code Properties.store} uses, pure ASCII. Not {@code Properties.store}
 * itself because it always writes the current date as a comment, and formatting a date initialises
 * the time-zone database: a few milliseconds of every {@code record}'s start-up for a line nobody
 * reads. Lines come in the caller's order (store's follow the hash table).
 */
final class PropertiesText {
    private PropertiesText() {}

    static void put(StringBuilder text, String key, String value) {
        escape(text, key, true);
        text.append('=');
        escape(text, value, false);
        text.append('\n');
    }

    /** In a key every space is escaped; in a value only a leading one (load strips those). */
    private static void escape(StringBuilder text, String s, boolean isKey) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case ' ' -> text.append(i == 0 || isKey ? "\\ " : " ");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\f' -> text.append("\\f");
                case '\\', '=', ':', '#', '!' -> text.append('\\').append(c);
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        text.append("\\u");
                        String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
                        for (int pad = hex.length(); pad < 4; pad++) text.append('0');
                        text.append(hex);
                    } else {
                        text.append(c);
                    }
                }
            }
        }
    }
}
