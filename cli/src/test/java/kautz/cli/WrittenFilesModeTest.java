package kautz.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Files the commands write (-o, --vcd) get the umask's mode, as any new file does, and a file written over keeps its mode. */
class WrittenFilesModeTest {
    @Test
    void outputsGetTheUmasksModeAndKeepAnExistingMode(@TempDir Path dir) throws IOException {
        Path ordinary = Files.writeString(dir.resolve("ordinary.txt"), "x"); // created the ordinary way: the umask's mode
        String umask = PosixFilePermissions.toString(Files.getPosixFilePermissions(ordinary));
        Path kasm = dir.resolve("add8.kasm"), vcd = dir.resolve("add8.vcd"), aig = dir.resolve("add8.aag");
        assertEquals(0, CliRun.of("compile", "../samples/add8.kz", "-o", kasm.toString()).code());
        assertEquals(0, CliRun.of("run", "../samples/add8.kz", "--inputs", "a=1,b=2", "--vcd", vcd.toString()).code());
        assertEquals(0, CliRun.of("opt", "../samples/add8.kz", "-o", aig.toString()).code());
        for (Path p : new Path[] {kasm, vcd, aig}) assertEquals(umask, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());

        Files.setPosixFilePermissions(kasm, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(0, CliRun.of("compile", "../samples/add8.kz", "-o", kasm.toString(), "--target", "imply").code());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(kasm)));
    }
}
