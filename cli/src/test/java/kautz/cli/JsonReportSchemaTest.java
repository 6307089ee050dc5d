package kautz.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real output of every command with {@code --json}, in each of its forms, against the schema in
 * docs/schema/reports.schema.json (one definition per command); and every command with {@code --json} has
 * a definition there and a section in docs/json.md, so a new one cannot go undocumented.
 */
class JsonReportSchemaTest {
    private static final Path SCHEMA = Path.of("..", "docs", "schema", "reports.schema.json");
    private static final Path DOC = Path.of("..", "docs", "json.md");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FULL_ADDER = """
            kernel fa(a: bit, b: bit, cin: bit) -> (sum: bit, cout: bit) {
                sum = a ^ b ^ cin;
                cout = maj(a, b, cin);
            }
            """;

    /** Every subcommand that has a {@code --json} option. */
    static Set<String> jsonCommands() {
        Set<String> names = new TreeSet<>();
        new CommandLine(new KautzCommand()).getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().findOption("--json") != null) names.add(name);
        });
        return names;
    }

    private static JsonSchema schema(String command) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        return factory.getSchema(SchemaLocation.of(SCHEMA.toAbsolutePath().normalize().toUri() + "#/$defs/" + command));
    }

    /** Runs kautz with the arguments, expects the exit code, and checks each line of stdout against the command's definition. */
    private static List<JsonNode> check(int code, String... args) throws IOException {
        CliRun r = CliRun.of(args);
        assertEquals(code, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
        JsonSchema schema = schema(args[0]);
        List<JsonNode> objects = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (line.isBlank()) continue;
            JsonNode node = MAPPER.readTree(line);
            Set<ValidationMessage> errors = schema.validate(node);
            assertTrue(errors.isEmpty(), String.join(" ", args) + " printed\n" + line + "\nwhich the schema's $defs/" + args[0] + " rejects: " + errors);
            objects.add(node);
        }
        assertTrue(!objects.isEmpty(), String.join(" ", args) + " printed no JSON");
        return objects;
    }

    @Test
    void everyCommandWithJsonIsInTheSchemaAndTheDocument() throws IOException {
        JsonNode defs = MAPPER.readTree(SCHEMA.toFile()).get("$defs");
        String doc = Files.readString(DOC);
        Set<String> commands = jsonCommands();
        Set<String> reporting = new TreeSet<>(new CommandLine(new KautzCommand()).getSubcommands().keySet());
        reporting.removeAll(Set.of("help", "completion")); // they print help text and a shell script, not reports
        assertEquals(reporting, commands, "every command that reports has --json");
        for (String c : commands) {
            assertTrue(defs.has(c), "kautz " + c + " has --json but " + SCHEMA + " has no $defs/" + c);
            assertTrue(doc.contains("## `kautz " + c), "kautz " + c + " has --json but " + DOC + " has no section '## `kautz " + c + "`'");
        }
    }

    @Test
    void theSchemaRejectsAReportWithoutADocumentedKey() throws IOException {
        JsonNode report = MAPPER.readTree("{\"kernel\": \"k\", \"target\": \"magic-nor\", \"rowSize\": 4, \"gates\": 1, \"logicCycles\": 1,"
                + " \"initCycles\": 0, \"cycles\": 1, \"ioCycles\": 2, \"init\": \"bulk\", \"scheduler\": \"live\", \"asMapped\": false,"
                + " \"partitions\": 1, \"partitionSpec\": \"4\", \"model\": \"unlimited\", \"parallelism\": 1.0}");
        assertEquals(1, schema("compile").validate(report).size(), "cells is missing");
        ((com.fasterxml.jackson.databind.node.ObjectNode) report).put("cells", 4).put("aKeyAddedLater", 7);
        assertEquals(Set.of(), schema("compile").validate(report));
    }

    @Test
    void compileAndStats(@TempDir Path dir) throws IOException {
        Path fa = Files.writeString(dir.resolve("fa.kz"), FULL_ADDER);
        check(0, "compile", fa.toString(), "--json");
        check(0, "compile", fa.toString(), "--target", "imply", "--init", "single", "--row-size", "min", "--json");
        check(0, "compile", "../samples/add8.kz", "--json", "-o", dir.resolve("add8.kasm").toString());
        check(0, "stats", fa.toString(), "--json");
        Path netlist = Files.writeString(dir.resolve("c.v"), """
                module c (a, b, y);
                  input a, b;
                  output y;
                  wire n;
                  nor2 g1 (.a(a), .b(b), .O(n));
                  inv1 g2 (.a(n), .O(y));
                endmodule
                """);
        JsonNode stats = check(0, "stats", netlist.toString(), "--json").get(0);
        assertTrue(stats.has("gates"), stats.toString());
        check(0, "compile", netlist.toString(), "--json");
    }

    @Test
    void runOnEveryEngine(@TempDir Path dir) throws IOException {
        Path fa = Files.writeString(dir.resolve("fa.kz"), FULL_ADDER);
        JsonNode explicit = check(0, "run", fa.toString(), "--inputs", "a=1,b=1,cin=0", "--json").get(0);
        assertEquals(1, explicit.get("outputs").get("cout").asInt());
        check(0, "run", fa.toString(), "--inputs", "random", "--rows", "200", "--engine", "jit", "--json");
        check(0, "run", fa.toString(), "--inputs", "random", "--rows", "64", "--device", "hfo2-1t1r", "--json");
        check(0, "run", fa.toString(), "--inputs", "a=1,b=0,cin=1", "--device", "hfo2-1t1r", "--json");
        check(0, "run", fa.toString(), "--rows", "64", "--device", "hfo2-1t1r", "--runs", "3", "--json");
        check(0, "run", "../samples/mlc_store_load.kz", "--kernel", "store,load", "--inputs", "x=0xb4", "--device", "rram-2bit-levy2021", "--json");
    }

    @Test
    void simOnTheFunctionalAndTheDeviceEngine(@TempDir Path dir) throws IOException {
        String kasm = "../samples/verify/full_adder.kasm";
        check(0, "sim", kasm, "--inputs", "a=1,b=1,cin=1", "--json");
        check(0, "sim", kasm, "--rows", "100", "--json");
        check(0, "sim", kasm, "--rows", "64", "--device", "hfo2-1t1r", "--json");
        Path parallel = Files.writeString(dir.resolve("par.kasm"), """
                .kernel nots
                .target magic-nor
                .rowsize 32
                .partitions 4x8
                .init bulk
                .input a 0
                .input b 8
                .output x 2
                .output y 10
                init1 2 | init1 10
                nor 2, 0 | nor 10, 8
                """);
        JsonNode two = check(0, "sim", parallel.toString(), "--inputs", "a=1,b=0", "--json").get(0);
        assertEquals(4, two.get("partitions").asInt(), two.toString());
        assertEquals(2.0, two.get("parallelism").asDouble(), two.toString());
    }

    @Test
    void verifyEquivalentAndNot(@TempDir Path dir) throws IOException {
        Path fa = Files.writeString(dir.resolve("fa.kz"), FULL_ADDER);
        JsonNode chain = check(0, "verify", fa.toString(), "--json").get(0);
        assertTrue(chain.get("links").isArray() && chain.get("links").size() > 1, chain.toString());
        assertEquals(fa.toString(), chain.get("links").get(0).get("from").asText(), "the links in the compilation's order");
        check(0, "verify", fa.toString(), "--direct", "--json");
        String good = Files.readString(Path.of("../samples/verify/full_adder.kasm"));
        Path bad = Files.writeString(dir.resolve("bad.kasm"), good.replace("nor 9, 2, 7", "nor 9, 1, 7"));
        JsonNode no = check(1, "verify", bad.toString(), fa.toString(), "--json").get(0);
        assertEquals("not equivalent", no.get("result").asText());
    }

    @Test
    void benchLinesThatFitAndThatDoNot(@TempDir Path dir) throws IOException {
        Path fa = Files.writeString(dir.resolve("fa.kz"), FULL_ADDER);
        List<JsonNode> lines = check(0, "bench", fa.toString(), "../samples/add8.kz", "--row-size", "12", "--json");
        assertEquals(2, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.has("fits") && !l.get("fits").asBoolean()), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.has("gates")), lines.toString());
    }

    @Test
    void optPassesAndOptbench(@TempDir Path dir) throws IOException {
        JsonNode opt = check(0, "opt", "../samples/add8.kz", "-p", "strash; balance", "-o", dir.resolve("a.aag").toString(), "--json").get(0);
        assertEquals(2, opt.get("passes").size(), opt.toString());
        assertEquals(dir.resolve("a.aag").toString(), opt.get("output").asText());
        check(0, "opt", "--list", "--json");
        JsonNode list = check(0, "passes", "--json").get(0);
        assertTrue(list.get("passes").size() > 3, list.toString());
        JsonNode one = check(0, "passes", "rewrite", "--json").get(0);
        assertEquals("rewrite", one.get("name").asText());
        List<JsonNode> lines = check(0, "optbench", "../samples/add8.kz", "../samples/mul8.kz", "--repeat", "1", "--rows", "64", "--json");
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).get("equivalent").asBoolean(), lines.toString());
    }

    @Test
    void traceAndViz(@TempDir Path dir) throws IOException {
        List<JsonNode> rows = check(0, "trace", "../samples/add8.kz", "--rows", "2", "--json");
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).get("matches").asBoolean(), rows.toString());
        JsonNode limited = check(0, "trace", "../samples/add8.kz", "--inputs", "a=5,b=7", "--limit", "3", "--json").get(0);
        assertEquals(3, limited.get("steps").size());
        assertEquals(12, limited.get("outputs").get("sum").asInt(), limited.toString());
        JsonNode divided = check(0, "trace", "../samples/add8.kz", "--inputs", "a=5,b=7", "--partitions", "4", "--json").get(0);
        assertEquals(2, divided.get("steps").get(0).get("partitions").size(), divided.toString());
        Path page = dir.resolve("add8.html");
        JsonNode viz = check(0, "viz", "../samples/add8.kz", "--inputs", "a=5,b=7", "-o", page.toString(), "--json").get(0);
        assertEquals(page.toString(), viz.get("output").asText());
        assertTrue(Files.size(page) > 0);
    }

    @Test
    void devicesInEachForm() throws IOException {
        assertTrue(check(0, "devices", "--json").get(0).get("presets").size() > 1);
        assertTrue(check(0, "devices", "--show", "hfo2-1t1r", "--json").get(0).get("parameters").size() > 5);
        JsonNode wv = check(0, "devices", "--write-verify", "rram-2bit-levy2021", "--cells", "200", "--json").get(0);
        assertTrue(wv.get("schemes").size() >= 2, wv.toString());
        check(0, "devices", "--speed", "--rows", "64", "--cols", "64", "--json");
    }

    @Test
    void synthImplyFoundAndNot() throws IOException {
        JsonNode found = check(0, "synth-imply", "--function", "nand2", "--cells", "2", "--max-steps", "6", "--node-limit", "100000", "--json").get(0);
        assertTrue(found.get("found").asBoolean(), found.toString());
        assertTrue(found.get("program").asText().contains("imp"), found.toString());
        JsonNode none = check(0, "synth-imply", "--function", "xor2", "--cells", "3", "--max-steps", "4", "--node-limit", "100000", "--json").get(0);
        assertTrue(!none.get("found").asBoolean(), none.toString());
    }
}
