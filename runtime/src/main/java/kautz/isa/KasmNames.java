package kautz.isa;

/**
 * How names (kernel, target, bit names) are written in .kasm: bare when they are one plain token, else
 * double-quoted with backslash escapes. Netlist names can hold anything ({@code $}, brackets, spaces in
 * escaped Verilog identifiers), so the text format must not restrict them.
 */
final class KasmNames {
    private KasmNames() {}

    static String quote(String name) {
        if (isBare(name)) return name;
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    static boolean isBare(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.contains("//")) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '"' || c == '#' || c == '\\' || c == ',' || c == '|') return false;
        }
        return true;
    }
}
