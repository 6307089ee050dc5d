package kautz.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documents stay self-contained and short where they promise to: a user's clone has only the repository, and
 * docs/PERFORMANCE.md holds current tables (history lives in git), under 400 lines.
 */
class DocsTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void performanceDocumentStaysUnder400Lines() throws IOException {
        long lines = Files.readAllLines(ROOT.resolve("docs/PERFORMANCE.md")).size();
        assertTrue(lines < 400, "docs/PERFORMANCE.md has " + lines + " lines; keep current tables only, the history is in git");
    }

    @Test
    void noDocumentCitesTheDesignNotesOutsideTheRepository() throws IOException {
        Pattern outside = Pattern.compile("DESIGN\\.md|\\.\\./shared/(DESIGN|seed|STYLE)");
        List<String> bad = new ArrayList<>();
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.walk(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        for (Path p : docs) {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                if (outside.matcher(lines.get(i)).find()) bad.add(ROOT.relativize(p) + ":" + (i + 1));
            }
        }
        assertEquals(List.of(), bad, "documents citing files a user's clone does not have");
    }
}
