package kautz.isa;

import kautz.util.AtomicFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** docs/isa.md is generated from the Opcode table; this fails when it is stale. */
class IsaDocTest {
    private static final Path DOC = Path.of("..", "docs", "isa.md");

    @Test
    void docsIsaMdIsUpToDate() throws Exception {
        String expected = IsaDoc.markdown();
        if (Boolean.getBoolean("kautz.updateDocs")) AtomicFiles.writeString(DOC, expected);
        assertTrue(Files.isRegularFile(DOC), "docs/isa.md is missing; regenerate it (see IsaDoc)");
        assertEquals(expected, Files.readString(DOC),
                "docs/isa.md is stale; regenerate: mvn -B -o -pl runtime test -Dtest=IsaDocTest -Dkautz.updateDocs=true");
    }

    @Test
    void everyOpcodeIsDocumented() {
        String doc = IsaDoc.markdown();
        for (Opcode o : Opcode.values()) assertTrue(doc.contains("| `" + o.mnemonic() + "` |"), o.mnemonic());
    }
}
