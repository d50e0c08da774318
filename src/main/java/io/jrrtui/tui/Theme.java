package io.jrrtui.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Colours per {@link Role}, read from a properties file: {@code ROLE = FOREGROUND,BACKGROUND[,bold][,reverse][,underline]}
 * where a colour is an ANSI name (black, red, ..., bright_blue, default), an xterm index 0-255 or
 * {@code #rrggbb}. On a terminal without 256 colours every colour is folded to the nearest of the 16
 * ANSI colours, so one file serves both.
 */
final class Theme {
    /** One role's look. */
    record Style(TextColor fg, TextColor bg, List<SGR> modifiers) {}

    static final List<String> BUILT_IN = List.of("dark", "light", "high-contrast");

    private final String name;
    private final Map<Role, Style> styles;

    private Theme(String name, Map<Role, Style> styles) {
        this.name = name;
        this.styles = styles;
    }

    String name() {
        return name;
    }

    Style style(Role role) {
        Style s = styles.get(role);
        return s != null ? s : styles.get(Role.TEXT);
    }

    /**
     * A theme by name ("dark", "light", "high-contrast") or by path to a .properties file. Looked
     * up as a file first, then in $XDG_CONFIG_HOME/jrrtui/themes, the install's themes/ directory
     * and the class path.
     */
    static Theme load(String nameOrPath, boolean colors256) {
        String name = nameOrPath == null || nameOrPath.isBlank() ? "dark" : nameOrPath.strip();
        for (Path p : candidates(name)) {
            if (Files.isRegularFile(p)) {
                try {
                    return parse(name, Files.readString(p, StandardCharsets.UTF_8), colors256);
                } catch (IOException e) {
                    throw new JrrException("cannot read theme " + p + ": " + e.getMessage());
                }
            }
        }
        try (InputStream in = Theme.class.getResourceAsStream("/themes/" + name + ".properties")) {
            if (in != null) return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), colors256);
        } catch (IOException e) {
            throw new JrrException("cannot read theme " + name + ": " + e.getMessage());
        }
        if (BUILT_IN.contains(name)) return monochrome(name);
        throw new JrrException("unknown theme \"" + name + "\" (built in: " + String.join(", ", BUILT_IN) + ")");
    }

    private static List<Path> candidates(String name) {
        List<Path> out = new ArrayList<>();
        if (name.endsWith(".properties") || name.contains("/")) {
            out.add(Path.of(name));
            return out;
        }
        String file = name + ".properties";
        out.add(TuiConfig.configDir().resolve("themes").resolve(file));
        String home = System.getProperty("jrrtui.home");
        if (home != null) {
            out.add(Path.of(home, "themes", file));
            out.add(Path.of(home).resolve("..").resolve("themes").resolve(file).normalize());
        }
        String project = System.getProperty("jrrtui.projectDir");
        if (project != null) out.add(Path.of(project, "themes", file));
        out.add(Path.of("themes", file));
        return out;
    }

    /** Terminal defaults with reverse video for highlights: used when a built-in theme file is missing. */
    static Theme monochrome(String name) {
        Map<Role, Style> m = new EnumMap<>(Role.class);
        Style plain = new Style(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, List.of());
        Style reverse = new Style(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, List.of(SGR.REVERSE));
        Style bold = new Style(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, List.of(SGR.BOLD));
        for (Role r : Role.values()) m.put(r, plain);
        for (Role r : List.of(Role.CURRENT, Role.CURSOR, Role.STATUS, Role.STATUS_BUSY, Role.TITLE_FOCUSED,
                Role.SCRUBBER_CURRENT, Role.SCRUBBER_CURSOR, Role.PROMPT)) m.put(r, reverse);
        for (Role r : List.of(Role.CHANGED, Role.BREAKPOINT, Role.ERROR, Role.TITLE, Role.SCRUBBER_HIT)) m.put(r, bold);
        return new Theme(name, m);
    }

    static Theme parse(String name, String text, boolean colors256) {
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException e) {
            throw new JrrException("theme " + name + ": " + e.getMessage());
        }
        Map<Role, Style> m = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String v = p.getProperty(role.key());
            if (v != null) m.put(role, style(name, role, v, colors256));
        }
        if (!m.containsKey(Role.TEXT)) throw new JrrException("theme " + name + ": missing \"text\"");
        for (String key : p.stringPropertyNames()) {
            if (m.keySet().stream().noneMatch(r -> r.key().equals(key))) {
                throw new JrrException("theme " + name + ": unknown role \"" + key + "\"");
            }
        }
        return new Theme(name, m);
    }

    private static Style style(String theme, Role role, String value, boolean colors256) {
        String[] parts = value.split(",");
        if (parts.length < 2) throw new JrrException("theme " + theme + ": " + role.key() + " needs FOREGROUND,BACKGROUND");
        List<SGR> mods = new ArrayList<>();
        for (int i = 2; i < parts.length; i++) {
            String mod = parts[i].strip().toUpperCase(Locale.ROOT);
            try {
                mods.add(SGR.valueOf(mod));
            } catch (IllegalArgumentException e) {
                throw new JrrException("theme " + theme + ": " + role.key() + ": unknown modifier \"" + parts[i].strip() + "\"");
            }
        }
        return new Style(color(theme, parts[0], colors256), color(theme, parts[1], colors256), List.copyOf(mods));
    }

    static TextColor color(String theme, String spec, boolean colors256) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        TextColor c;
        try {
            if (s.startsWith("#") && s.length() == 7) {
                int rgb = Integer.parseInt(s.substring(1), 16);
                c = new TextColor.RGB(rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff);
            } else if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
                c = new TextColor.Indexed(Integer.parseInt(s));
            } else {
                String ansi = s.startsWith("bright_") ? s.substring(7) + "_bright" : s;
                return TextColor.ANSI.valueOf(ansi.toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            throw new JrrException("theme " + theme + ": bad colour \"" + spec.strip() + "\"");
        }
        return colors256 ? c : nearestAnsi(c);
    }

    /** The 16-colour ANSI colour closest to c (by RGB distance), for terminals without 256 colours. */
    static TextColor.ANSI nearestAnsi(TextColor c) {
        TextColor.ANSI best = TextColor.ANSI.BLACK;
        long bestDist = Long.MAX_VALUE;
        for (TextColor.ANSI a : TextColor.ANSI.values()) {
            if (a == TextColor.ANSI.DEFAULT) continue;
            long dr = a.getRed() - c.getRed(), dg = a.getGreen() - c.getGreen(), db = a.getBlue() - c.getBlue();
            long d = dr * dr + dg * dg + db * db;
            if (d < bestDist) {
                bestDist = d;
                best = a;
            }
        }
        return best;
    }

    /** Whether a terminal of this TERM/COLORTERM shows 256 colours (tmux and screen need "256color" in TERM). */
    static boolean supports256(String term, String colorTerm) {
        if (colorTerm != null && (colorTerm.contains("truecolor") || colorTerm.contains("24bit"))) return true;
        return term != null && (term.contains("256color") || term.contains("direct"));
    }
}
