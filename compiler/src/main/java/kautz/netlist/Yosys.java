package kautz.netlist;

import kautz.diag.UserError;
import kautz.load.Design;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Behavioural (RTL) Verilog through Yosys: {@code synth -flatten} turns the design into Yosys's internal gate
 * cells, {@code write_verilog -noexpr} writes them, and {@link VerilogReader} reads that netlist. Undriven
 * signals and logic loops stop the synthesis ({@code check -assert}); {@code x} values (don't-cares) become 0;
 * flip-flops and latches are rejected, since Kautz compiles combinational logic. The executable is
 * {@code yosys} on the PATH, or the one {@code KAUTZ_YOSYS} names.
 */
public final class Yosys {
    private static final long TIMEOUT_SECONDS = 600;
    private static final Pattern SEQUENTIAL = Pattern.compile("\\\\\\$_(\\w*(?:DFF|LATCH|SR)\\w*)");

    private Yosys() {}

    /** The Yosys executable, when one can be found. */
    public static Optional<String> executable() {
        String named = System.getenv("KAUTZ_YOSYS");
        if (named != null && !named.isBlank()) return Optional.of(named);
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "yosys");
            if (Files.isExecutable(p)) return Optional.of(p.toString());
        }
        return Optional.empty();
    }

    /**
     * Synthesises {@code file} and reads the result.
     *
     * @param top    the top module, or null for Yosys's choice ({@code -auto-top})
     * @param reason why the structural reader did not take the file (named when Yosys is missing)
     */
    public static Design synthesise(Path file, String top, String reason) {
        return synthesise(file, top, reason, executable());
    }

    static Design synthesise(Path file, String top, String reason, Optional<String> executable) {
        String yosys = executable.orElseThrow(() -> new UserError(reason
                + "; behavioural Verilog is compiled through Yosys, which is not installed (Debian/Ubuntu: apt-get install yosys)"));
        String path = file.toAbsolutePath().toString();
        if (path.contains("\"") || path.contains("\n")) throw new UserError(file + ": Yosys cannot read a path with quotes or line breaks");
        if (top != null && !top.matches("[A-Za-z_][A-Za-z0-9_$]*")) throw new UserError("--top: '" + top + "' is not a module name");
        Path dir = null;
        try {
            dir = Files.createTempDirectory("kautz-yosys");
            Path out = dir.resolve("netlist.v");
            String script = "read_verilog -sv -noautowire \"" + path + "\"\n"
                    + "synth -flatten " + (top == null ? "-auto-top" : "-top " + top) + "\n"
                    + "check -assert\n"
                    + "setundef -zero\n"
                    + "write_verilog -noattr -noexpr \"" + out + "\"\n";
            Files.writeString(dir.resolve("synth.ys"), script);
            Process p = new ProcessBuilder(yosys, "-q", "-s", dir.resolve("synth.ys").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UserError(file + ": Yosys did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String log = Files.readString(dir.resolve("log"), StandardCharsets.ISO_8859_1);
            if (p.exitValue() != 0 || !Files.isRegularFile(out)) throw new UserError(file + ": Yosys: " + firstError(log, path, file));
            String netlist = NetlistFiles.readText(out);
            Matcher seq = SEQUENTIAL.matcher(netlist);
            if (seq.find()) {
                throw new UserError(file + ": the design is sequential (Yosys synthesised a $_" + seq.group(1)
                        + " cell); Kautz compiles combinational logic");
            }
            return VerilogReader.read(file + " (as synthesised by Yosys)", netlist, null);
        } catch (IOException e) {
            throw new UserError(file + ": cannot run Yosys (" + yosys + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(file + ": interrupted while Yosys ran");
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    /** The first ERROR line of Yosys's log, the absolute path put back as the user wrote it. */
    private static String firstError(String log, String absolute, Path file) {
        String[] lines = log.split("\n");
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf("ERROR:");
            if (at < 0) continue;
            String msg = lines[i].replace(absolute, file.toString()).replace("ERROR: ", "").strip();
            // `check -assert` names the problems on the warning lines before its ERROR line
            if (msg.contains("Found") && msg.contains("problems")) {
                for (String l : lines) if (l.contains("Warning:")) return l.replace("Warning: ", "").strip() + " (" + msg + ")";
            }
            return msg;
        }
        return "failed: " + (lines.length == 0 ? "no output" : lines[lines.length - 1].strip());
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
