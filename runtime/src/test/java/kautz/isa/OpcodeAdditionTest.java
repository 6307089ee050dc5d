package kautz.isa;

import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The steps of docs/isa.md, "Adding an opcode", carried out: an op of an existing shape ({@code orn}:
 * {@code d := d ∨ ¬(a ∧ b)}) is one new entry in a copy of {@code Opcode.java}, compiled beside the shipped
 * classes; with nothing else changed, the assembler reads it and the interpreter and the JIT run it with the
 * function the entry gives.
 */
class OpcodeAdditionTest {
    private static final String ENTRY = "    ORN(\"orn\", 2, Integer.MAX_VALUE, 0, Kind.LOGIC, gate(Fold.AND, true, Combine.OR), -1,"
            + " \"d := d ∨ ¬(a ∧ b ∧ …)\", \"d, a…\", \"an op added by a test\"),\n";

    @Test
    void oneTableEntryGivesAnOpThatEveryFunctionalEngineRuns() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "no Java compiler in this runtime (a JRE): the opcode-addition check is skipped");
        Path source = Path.of("src", "main", "java", "kautz", "isa", "Opcode.java");
        String table = Files.readString(source);
        int at = table.indexOf("    PROG(");
        assertTrue(at > 0, "Opcode.java has no PROG entry to insert before");
        Path dir = Files.createTempDirectory("kautz-opcode");
        Path copy = dir.resolve("src/kautz/isa/Opcode.java");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, table.substring(0, at) + ENTRY + table.substring(at));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String cp = System.getProperty("java.class.path");
        int rc = javac.run(null, null, System.err, "-d", classes.toString(), "-cp", cp, "-encoding", "UTF-8", copy.toString());
        assertEquals(0, rc, "the table with the new entry does not compile");

        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL()); // the new table first, then everything as built
        for (String e : cp.split(File.pathSeparator)) urls.add(Path.of(e).toUri().toURL());
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            Class<?> probe = loader.loadClass(OpcodeAdditionProbe.class.getName());
            long a = 0b10101010L, b = 0b11001100L, d = 0b11110000L;
            long y = ~(a & b) & 0xFF, z = (d | ~(a & b)) & 0xFF;
            for (String engine : List.of("interp", "jit")) {
                long[] out = (long[]) probe.getMethod("run", String.class).invoke(null, engine);
                assertEquals(y, out[0], engine + ": y");
                assertEquals(z, out[1], engine + ": z");
            }
        }
    }
}
