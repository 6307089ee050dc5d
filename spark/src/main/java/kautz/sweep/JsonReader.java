package kautz.sweep;

import kautz.diag.UserError;
import kautz.sweep.JsonValue.Pos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A small strict JSON parser (RFC 8259) for sweep descriptions and the JSON reports read back from results.
 * Hand-written rather than Jackson because it must name {@code file:line:col} in every error, and because
 * the sweep's description and results code stay free of Spark's class path. Nesting and size are bounded.
 */
public final class JsonReader {
    private static final int MAX_DEPTH = 64;

    private final String file;
    private final String text;
    private int at;
    private int line = 1;
    private int lineStart;

    private JsonReader(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /** Parses one JSON document; {@code file} names the source in errors. */
    public static JsonValue parse(String file, String text) {
        JsonReader r = new JsonReader(file, text);
        r.skipSpace();
        JsonValue v = r.value(0);
        r.skipSpace();
        if (r.at < text.length()) throw r.error("unexpected text after the JSON value");
        return v;
    }

    private JsonValue value(int depth) {
        if (depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH + " levels");
        if (at >= text.length()) throw error("unexpected end of file, expected a value");
        Pos pos = pos();
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(pos, depth);
            case '[' -> array(pos, depth);
            case '"' -> new JsonValue.JString(string(), pos);
            case 't' -> literal("true", new JsonValue.JBool(true, pos));
            case 'f' -> literal("false", new JsonValue.JBool(false, pos));
            case 'n' -> literal("null", new JsonValue.JNull(pos));
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number(pos);
                throw error("unexpected character '" + c + "', expected a value");
            }
        };
    }

    private JsonValue object(Pos pos, int depth) {
        at++;
        LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
        LinkedHashMap<String, Pos> keys = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            at++;
            return new JsonValue.JObject(members, keys, pos);
        }
        while (true) {
            skipSpace();
            if (peek() != '"') throw error("expected a quoted key");
            Pos keyPos = pos();
            String key = string();
            if (members.containsKey(key)) throw error(keyPos, "duplicate key \"" + key + "\"");
            skipSpace();
            expect(':');
            skipSpace();
            members.put(key, value(depth + 1));
            keys.put(key, keyPos);
            skipSpace();
            char c = peek();
            at++;
            if (c == '}') return new JsonValue.JObject(members, keys, pos);
            if (c != ',') {
                at--;
                throw error("expected ',' or '}' in an object");
            }
        }
    }

    private JsonValue array(Pos pos, int depth) {
        at++;
        List<JsonValue> items = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            at++;
            return new JsonValue.JArray(items, pos);
        }
        while (true) {
            skipSpace();
            items.add(value(depth + 1));
            skipSpace();
            char c = peek();
            at++;
            if (c == ']') return new JsonValue.JArray(items, pos);
            if (c != ',') {
                at--;
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private String string() {
        at++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (at >= text.length()) throw error("unterminated string");
            char c = text.charAt(at++);
            if (c == '"') return sb.toString();
            if (c == '\n' || c < 0x20) {
                at--;
                throw error("control character inside a string (write it as an escape)");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (at >= text.length()) throw error("unterminated string");
            char e = text.charAt(at++);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) throw error("incomplete \\u escape");
                    try {
                        sb.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    at += 4;
                }
                default -> {
                    at--;
                    throw error("unknown escape '\\" + e + "'");
                }
            }
        }
    }

    private JsonValue number(Pos pos) {
        int start = at;
        if (peek() == '-') at++;
        if (!digit()) throw error("expected a digit");
        if (text.charAt(at) == '0') at++;
        else while (digit()) at++;
        if (peek() == '.') {
            at++;
            if (!digit()) throw error("expected a digit after '.'");
            while (digit()) at++;
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') at++;
            if (!digit()) throw error("expected a digit in the exponent");
            while (digit()) at++;
        }
        return new JsonValue.JNumber(text.substring(start, at), pos);
    }

    private JsonValue literal(String word, JsonValue v) {
        if (!text.startsWith(word, at)) throw error("unexpected word, expected a value");
        at += word.length();
        return v;
    }

    private boolean digit() {
        return at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9';
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) throw error("expected '" + c + "'");
        at++;
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\n') {
                line++;
                lineStart = at + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private Pos pos() {
        return new Pos(line, at - lineStart + 1);
    }

    private UserError error(String message) {
        return error(pos(), message);
    }

    private UserError error(Pos p, String message) {
        return errorAt(file, text, p, message);
    }

    /** An error at a position of a JSON text, showing its line. */
    static UserError errorAt(String file, String text, Pos p, String message) {
        String[] lines = text.split("\n", -1);
        String source = p.line() - 1 < lines.length ? lines[p.line() - 1].replace("\r", "") : null;
        return UserError.at(file, p.line(), p.col(), message, source);
    }
}
