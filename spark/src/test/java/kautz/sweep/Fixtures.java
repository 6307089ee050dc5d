package kautz.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small circuits and descriptions the sweep tests write into a temporary folder. */
final class Fixtures {
    private Fixtures() {}

    /** A 4-bit kernel: add or xor, chosen per row; 20 cells unlimited, so row size 10 fails. */
    static final String KERNEL = """
            kernel addmux(a: u<4>, b: u<4>, s: bit) -> (y: u<5>) {
                y = s ? u<5>(a) + u<5>(b) : u<5>(a ^ b);
            }
            """;

    static final String XOR = """
            kernel x(a: u<3>, b: u<3>) -> (y: u<3>) {
                y = a ^ b;
            }
            """;

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }
}
