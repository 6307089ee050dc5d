package kautz.netlist;

import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.network.Aig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Writing a network in any format and reading it back keeps its names and its function. */
class RoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void everyWriterRoundTripsRandomNetworks() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 20; trial++) {
            Aig aig = RandomAigs.random(rnd, 1 + rnd.nextInt(12), rnd.nextInt(200), 1 + rnd.nextInt(6));
            for (String ext : new String[]{"aig", "aag", "blif", "v"}) {
                Path file = tmp.resolve("t" + trial + "." + ext);
                NetlistWriters.write(file, aig, "t" + trial);
                Design back = DesignLoader.load(file, null);
                String what = "trial " + trial + " ." + ext;
                assertEquals(aig.inputNames(), back.network().inputNames(), what);
                assertEquals(aig.outputNames(), back.network().outputNames(), what);
                Equivalence.assertSimulatesEqual(aig, back.network(), new Random(trial), what);
                if (ext.startsWith("a")) assertTrue(aig.sameStructure(back.network()), what + ": AIGER keeps the structure");
                else assertTrue(back.network().numAnds() <= aig.numAnds(), what + ": no ANDs gained");
            }
        }
    }

    @Test
    void aigerKeepsTheCommentAsBytes() {
        byte[] file = "aag 1 1 0 1 0\n2\n3\ni0 x\no0 nx\nc\nmodel\0name\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        AigerReader.Result r = AigerReader.read("t.aag", file);
        assertEquals("model\0name\n", new String(r.comment(), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals("x", r.aig().inputName(0));
        assertEquals("nx", r.aig().outputName(0));
    }
}
