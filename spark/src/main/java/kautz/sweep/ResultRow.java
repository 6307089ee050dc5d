package kautz.sweep;

import kautz.util.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point's line of results, as the CSV and the JSON lines hold it.
 *
 * @param point    the point's index in the study
 * @param id       the point's digest ({@link Point#id})
 * @param file     the file's label
 * @param axes     axis values
 * @param error    the error, or empty when the point succeeded
 * @param seconds  wall time, as text
 * @param measures measure values as text (empty where absent)
 * @param json     the JSON line (with the full report), or null when only the CSV row is known
 */
public record ResultRow(int point, String id, String file, LinkedHashMap<String, String> axes, String error,
                        String seconds, LinkedHashMap<String, String> measures, String json) {
    public static final String OK = "ok";
    public static final String ERROR = "error";

    public boolean ok() { return error.isEmpty(); }

    public String status() { return ok() ? OK : ERROR; }

    /** A fresh result: the measures are read from the report. */
    public static ResultRow of(PointResult r, List<String> measures) {
        Point p = r.point();
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        String error = r.ok() ? "" : r.error();
        if (r.ok()) {
            try {
                values = Measures.extract(r.report(), measures);
            } catch (RuntimeException e) {
                error = "unreadable report: " + e.getMessage();
            }
        }
        if (values.isEmpty()) for (String m : measures) values.put(m, "");
        String seconds = String.format(java.util.Locale.ROOT, "%.4f", r.seconds());
        Json j = new Json().put("point", p.index()).put("id", p.id()).put("file", p.file());
        Json axes = new Json();
        for (Map.Entry<String, String> e : p.axes().entrySet()) axes.put(e.getKey(), e.getValue());
        j.put("axes", axes).put("status", error.isEmpty() ? OK : ERROR);
        if (!error.isEmpty()) j.put("error", error);
        j.put("seconds", r.seconds());
        String line = j.toString();
        if (r.ok() && error.isEmpty()) line = line.substring(0, line.length() - 1) + ", \"report\": " + r.report() + "}";
        return new ResultRow(p.index(), p.id(), p.file(), p.axes(), error, seconds, values, line);
    }

    /** The value of a column: {@code file}, an axis, or a measure; empty when unknown. */
    public String value(String column) {
        if (column.equals("file")) return file;
        if (axes.containsKey(column)) return axes.get(column);
        return measures.getOrDefault(column, "");
    }

    public ResultRow withPoint(int index, String jsonLine) {
        return new ResultRow(index, id, file, axes, error, seconds, measures, jsonLine);
    }
}
