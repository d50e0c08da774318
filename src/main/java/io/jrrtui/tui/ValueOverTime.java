package io.jrrtui.tui;

import io.jrrtui.api.ValuePoint;
import java.util.List;

/**
 * One watched expression's value over the whole recording, drawn in a row as wide as the pane: a
 * sparkline (ASCII levels, low '_' to high '#') when the values are numbers, else a bar with '|' at
 * each change. Column i covers the same share of events as the timeline's scrubber.
 */
final class ValueOverTime {
    private static final String LEVELS = "_.,-=+*#";
    final String expression;
    final List<ValuePoint> points;

    ValueOverTime(String expression, List<ValuePoint> points) {
        this.expression = expression;
        this.points = points;
    }

    /** Numbers when every value is one, else null. */
    private double[] numbers() {
        double[] v = new double[points.size()];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Double.parseDouble(points.get(i).value().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return v;
    }

    /** The point in force at the end of events up to last (-1 before the first point). */
    private int pointAt(long last) {
        int at = -1;
        for (int i = 0; i < points.size() && points.get(i).event() <= last; i++) at = i;
        return at;
    }

    String line(int width, long eventCount) {
        if (width <= 0 || points.isEmpty()) return "";
        double[] v = numbers();
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        if (v != null) for (double d : v) {
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        StringBuilder sb = new StringBuilder(width);
        for (int c = 0; c < width; c++) {
            long first = Scrubber.firstEvent(c, width, eventCount), last = Scrubber.lastEvent(c, width, eventCount);
            int p = pointAt(last);
            boolean wrote = p > 0 && points.get(p).event() >= first;
            if (p < 0) sb.append(' ');
            else if (v == null) sb.append(wrote ? '|' : '-');
            else sb.append(LEVELS.charAt(hi == lo ? 0 : (int) Math.round((v[p] - lo) / (hi - lo) * (LEVELS.length() - 1))));
        }
        return sb.toString();
    }

    /** The column of point i in a line of width columns. */
    int columnOf(int i, int width, long eventCount) {
        return Scrubber.cellOf(points.get(i).event(), width, eventCount);
    }

    /** "13 values, 0 .. 435" (numbers) or "4 values". */
    String range() {
        double[] v = numbers();
        if (v == null || v.length == 0) return points.size() + (points.size() == 1 ? " value" : " values");
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (double d : v) {
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        return points.size() + " values, " + fmt(lo) + " .. " + fmt(hi);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** How many points before i share i's event (the write is the (k+1)-th stop inside that event). */
    int ordinalInEvent(int i) {
        int k = 0;
        for (int j = i - 1; j >= 0 && points.get(j).event() == points.get(i).event(); j--) k++;
        return k;
    }
}
