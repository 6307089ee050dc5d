package kautz.cli;

import kautz.netlist.AigerWriter;
import kautz.network.AigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A design too large for the heap ends with one line naming the stage and the -Xmx to try, exit 1, never an
 * OutOfMemoryError trace: {@code kautz compile} in a JVM of its own with a 48 MB heap on 400,000 ANDs.
 */
class OutOfMemoryTest {
    @TempDir Path dir;

    @Test
    void runningOutOfHeapIsOneLineNamingTheStage() throws Exception {
        AigBuilder b = new AigBuilder();
        int[] in = new int[64];
        for (int i = 0; i < in.length; i++) in[i] = b.addInput("x" + i);
        int acc = in[0];
        for (int k = 0; b.numAnds() < 400_000; k++) {
            acc = b.xor(acc, b.and(in[k % 64], in[(k * 7 + 3) % 64] ^ (k & 1)));
            if (k % 1000 == 0) b.addOutput("y" + k / 1000, acc);
        }
        Path aig = dir.resolve("big.aig");
        try (OutputStream o = Files.newOutputStream(aig)) {
            AigerWriter.writeBinary(b.build(), o);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx48m", "-Xss64m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "compile", aig.toString(), "-o", dir.resolve("big.kasm").toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "kautz compile did not end");
        // A stage that runs over two seconds reports its progress first; the error itself is one line.
        List<String> err = Files.readAllLines(dir.resolve("err.txt")).stream()
                .filter(l -> !l.matches("kautz: .* \\(\\d+ s so far\\)")).toList();
        assertEquals(1, p.exitValue(), String.join("\n", err));
        assertEquals(1, err.size(), String.join("\n", err));
        assertTrue(err.get(0).matches("kautz: out of memory while (reading .*big\\.aig|optimising|mapping to magic-nor|scheduling) "
                + "\\(Java heap \\d+ MB\\); try KAUTZ_JAVA_OPTS=-Xmx\\d+m"), err.get(0));
        assertTrue(!Files.exists(dir.resolve("big.kasm")), "nothing half-written");
    }
}
