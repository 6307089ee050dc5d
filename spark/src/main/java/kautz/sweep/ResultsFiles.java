package kautz.sweep;

import kautz.diag.UserError;
import kautz.diag.Warnings;
import kautz.util.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of a study: {@code NAME.csv} (one row per point: point, id, file, the axes, status, error,
 * seconds, the measures) and {@code NAME.jsonl} beside it (one JSON object per point with the full report).
 * Both are rewritten whole, atomically, so an interrupted study leaves the last complete save.
 */
public final class ResultsFiles {
    private static final List<String> HEAD = List.of("point", "id", "file");
    private static final List<String> STATUS = List.of("status", "error", "seconds");

    private final Path csv;
    private final List<String> axes;
    private final List<String> measures;

    public ResultsFiles(Path csv, List<String> axes, List<String> measures) {
        if (!csv.getFileName().toString().endsWith(".csv")) throw new UserError(csv + ": the results file must end in .csv");
        this.csv = csv;
        this.axes = axes;
        this.measures = measures;
    }

    public Path csv() { return csv; }

    public Path jsonl() { return sibling("jsonl"); }

    /** {@code NAME.suffix} beside the CSV. */
    public Path sibling(String suffix) {
        String name = csv.getFileName().toString();
        return csv.resolveSibling(name.substring(0, name.length() - ".csv".length()) + "." + suffix);
    }

    public List<String> header() {
        List<String> h = new ArrayList<>(HEAD);
        h.addAll(axes);
        h.addAll(STATUS);
        h.addAll(measures);
        return h;
    }

    public void write(Collection<ResultRow> rows) {
        List<ResultRow> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Integer.compare(a.point(), b.point()));
        AtomicFiles.write(csv, out -> {
            out.write(Csv.line(header()).getBytes(StandardCharsets.UTF_8));
            for (ResultRow r : sorted) {
                List<String> f = new ArrayList<>();
                f.add(Integer.toString(r.point()));
                f.add(r.id());
                f.add(r.file());
                for (String a : axes) f.add(r.axes().getOrDefault(a, ""));
                f.add(r.status());
                f.add(r.error());
                f.add(r.seconds());
                for (String m : measures) f.add(r.measures().getOrDefault(m, ""));
                out.write(Csv.line(f).getBytes(StandardCharsets.UTF_8));
            }
        });
        AtomicFiles.write(jsonl(), out -> {
            for (ResultRow r : sorted) if (r.json() != null) out.write((r.json() + "\n").getBytes(StandardCharsets.UTF_8));
        });
    }

    /**
     * The rows of an earlier run of the study, by point id, for {@code --resume}; empty when there is no
     * results file yet. The JSON lines are taken along where the {@code .jsonl} file has them.
     */
    public Map<String, ResultRow> read() {
        Map<String, ResultRow> rows = new LinkedHashMap<>();
        if (!Files.exists(csv)) return rows;
        List<List<String>> records = Csv.parse(csv.toString(), readString(csv));
        if (records.isEmpty()) return rows;
        List<String> head = records.get(0);
        for (String need : List.of("point", "id", "file", "status", "error", "seconds")) {
            if (!head.contains(need)) throw new UserError(csv + ":1: not a sweep results file (no \"" + need + "\" column)");
        }
        Map<String, String> jsonById = readJsonLines();
        Map<String, Integer> recordOf = new java.util.HashMap<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> rec = records.get(i);
            if (rec.size() != head.size()) throw new UserError(csv + ": record " + (i + 1) + " has " + rec.size() + " fields, the header " + head.size());
            Map<String, String> f = new LinkedHashMap<>();
            for (int k = 0; k < head.size(); k++) f.put(head.get(k), rec.get(k));
            LinkedHashMap<String, String> a = new LinkedHashMap<>();
            for (String name : axes) a.put(name, f.getOrDefault(name, ""));
            LinkedHashMap<String, String> m = new LinkedHashMap<>();
            for (String name : measures) m.put(name, f.getOrDefault(name, ""));
            int point;
            try {
                point = Integer.parseInt(f.get("point"));
            } catch (NumberFormatException e) {
                throw new UserError(csv + ": record " + (i + 1) + ": point \"" + f.get("point") + "\" is not a number");
            }
            String id = f.get("id");
            Integer first = recordOf.putIfAbsent(id, i + 1);
            if (first != null) {
                throw new UserError(csv + ": records " + first + " and " + (i + 1) + " are both point " + UserError.shown(id)
                        + "; remove the one that is wrong, or resume into a new file");
            }
            String problem = problem(f);
            if (problem != null) {
                Warnings.warn(csv + ": record " + (i + 1) + " (point " + UserError.shown(id) + "): " + problem + "; the point runs again");
                continue;
            }
            String json = jsonById.get(id);
            // the measures as a fresh row writes them, from the report kept beside the CSV: a file written
            // before the CSV's number format was settled (128480.0, 2.01632e+06) is rewritten in it
            JsonValue report = json == null ? null : Measures.lookup(JsonReader.parse(jsonl() + ": point " + id, json), "report");
            if (report instanceof JsonValue.JObject) m = Measures.extract(report, measures);
            rows.put(id, new ResultRow(point, id, f.get("file"), a, f.get("error"), f.get("seconds"), m, json));
        }
        return rows;
    }

    /** Why a row cannot count as done (a damaged or hand-edited file), or null. */
    private static String problem(Map<String, String> f) {
        String status = f.get("status"), error = f.get("error");
        if (f.get("id").isBlank()) return "no point id";
        if (ResultRow.ERROR.equals(status)) return error.isBlank() ? "status error without an error text" : null;
        if (!ResultRow.OK.equals(status)) return "status '" + UserError.shown(status) + "' is neither ok nor error";
        if (!error.isBlank()) return "status ok with an error text";
        return null;
    }

    private Map<String, String> readJsonLines() {
        Map<String, String> byId = new LinkedHashMap<>();
        Path p = jsonl();
        if (!Files.exists(p)) return byId;
        String[] lines = readString(p).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            JsonValue v = JsonReader.parse(p + ":" + (i + 1), lines[i]);
            if (Measures.lookup(v, "id") instanceof JsonValue.JString s) byId.put(s.value(), lines[i]);
        }
        return byId;
    }

    private static String readString(Path p) {
        return kautz.util.InputFiles.readOwnOutput(p);
    }
}
