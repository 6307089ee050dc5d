package kautz.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ./kautz launcher's first build: it says what it builds, one line per module and a running count of
 * downloads, instead of silence; a failed build shows Maven's errors. A stand-in mvn on the PATH plays Maven,
 * so the test neither builds nor downloads anything.
 */
class LauncherTest {
    private static final String FAKE_MVN = """
            #!/bin/bash
            echo "[INFO] Scanning for projects..."
            echo "[INFO] Building Kautz grammar (ANTLR 4)                    0.1.0-SNAPSHOT                    [1/2]"
            for i in $(seq 1 30); do echo "[INFO] Downloaded from central: https://repo/x$i.jar (2.0 MB at 9 MB/s)"; done
            echo "[INFO] Building Kautz command line                         0.1.0-SNAPSHOT                    [2/2]"
            echo "[ERROR] COMPILATION ERROR: something.java:[1,1] boom"
            echo "[INFO] BUILD FAILURE"
            exit 1
            """;

    @Test
    void theFirstBuildSaysWhatItDoesAndAFailureShowsWhy(@TempDir Path dir) throws IOException, InterruptedException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path launcher = repo.resolve("kautz");
        Files.copy(Path.of("..", "kautz"), launcher);
        Files.writeString(repo.resolve("pom.xml"), "<project/>\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mvn = Files.writeString(bin.resolve("mvn"), FAKE_MVN);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

        for (String command : new String[] {"--version", "sweep"}) {
            ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            pb.environment().put("TMPDIR", dir.toString());
            Process p = pb.start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher hangs");
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, p.exitValue(), err);
            assertTrue(err.startsWith("kautz: first use or changed sources: building the " + (command.equals("sweep") ? "sweep tool" : "kautz tool")), err);
            if (command.equals("sweep")) assertTrue(err.contains("Maven downloads Apache Spark's jars"), err);
            assertTrue(err.contains("kautz:   compiling Kautz grammar (ANTLR 4) [1/2]\n"), err);
            assertTrue(err.contains("kautz:   downloaded 25 files (50 MB) from Maven Central so far\n"), err);
            assertTrue(err.contains("kautz:   downloaded 30 files (60 MB) into ~/.m2\n"), err);
            assertTrue(err.contains("[ERROR] COMPILATION ERROR: something.java:[1,1] boom\n"), err);
            assertTrue(err.contains("kautz: the build failed (the whole output: " + dir), err);
        }
    }
}
