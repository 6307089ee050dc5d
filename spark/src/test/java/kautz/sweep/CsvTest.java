package kautz.sweep;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {
    @Test
    void quotesOnlyWhatNeedsIt() {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",\n", Csv.line(List.of("a", "b,c", "say \"hi\"", "x\ny", "")));
    }

    @Test
    void parseInvertsLineOnRandomFields() {
        Random rnd = new Random(7);
        String alphabet = "ab,\"\n\r x";
        for (int round = 0; round < 200; round++) {
            List<List<String>> rows = new java.util.ArrayList<>();
            StringBuilder text = new StringBuilder();
            int n = 1 + rnd.nextInt(4);
            for (int r = 0; r < n; r++) {
                List<String> row = new java.util.ArrayList<>();
                int fields = 2 + rnd.nextInt(3);
                for (int f = 0; f < fields; f++) {
                    StringBuilder s = new StringBuilder();
                    for (int k = rnd.nextInt(5); k > 0; k--) s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                    row.add(s.toString().replace("\r", ""));
                }
                rows.add(row);
                text.append(Csv.line(row));
            }
            assertEquals(rows, Csv.parse("t.csv", text.toString()));
        }
    }
}
