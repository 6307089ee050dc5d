package kautz.sweep;

import kautz.diag.UserError;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: a field is quoted when it holds a comma, a quote or a line break; quotes are doubled. */
public final class Csv {
    private Csv() {}

    public static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.append('\n').toString();
    }

    /** All records of a CSV text; {@code file} names it in errors. */
    public static List<List<String>> parse(String file, String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int line = 1;
        boolean quoted = false;
        boolean any = false;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() > 0) throw new UserError(file + ":" + line + ": a quote inside an unquoted field");
                    quoted = true;
                    any = true;
                }
                case ',' -> {
                    row.add(field.toString());
                    field.setLength(0);
                    any = true;
                }
                case '\r' -> { }
                case '\n' -> {
                    row.add(field.toString());
                    rows.add(row);
                    row = new ArrayList<>();
                    field.setLength(0);
                    any = false;
                    line++;
                }
                default -> {
                    field.append(c);
                    any = true;
                }
            }
        }
        if (quoted) throw new UserError(file + ":" + line + ": unterminated quoted field");
        if (any || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
