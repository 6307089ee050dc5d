package kautz.api;

import com.google.common.collect.ImmutableList;
import kautz.cli.Main;
import kautz.diag.UserError;
import kautz.isa.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A researcher's plugin jar, built here from source as they would build it (javac against Kautz, a
 * META-INF/services file per kind), then put on the class path: its scheduler, gate family, pass and device
 * preset are listed by the library and selectable by name from the library and the command line.
 */
class PluginJarTest {
    private static final Path ADD8 = Path.of("..", "samples", "add8.kz");

    private static final Map<String, String> SOURCES = Map.of(
            "org/example/kz/ReverseTopo.java", """
                    package org.example.kz;
                    import kautz.isa.Program;
                    import kautz.mapped.MappedNetwork;
                    import kautz.schedule.*;
                    import kautz.target.GateFamily;
                    /** A scheduler of one's own; here it lets the built-in topological scheduler do the work. */
                    public final class ReverseTopo implements Scheduler {
                        public String name() { return "plugin-topo"; }
                        public String summary() { return "the topological order, from a plugin"; }
                        public Program schedule(MappedNetwork n, GateFamily f, ScheduleOptions o) {
                            return Schedulers.byName("topo").schedule(n, f, o);
                        }
                    }
                    """,
            "org/example/kz/NorFamily.java", """
                    package org.example.kz;
                    import kautz.target.*;
                    public final class NorFamily implements GateFamilyProvider {
                        public GateFamily family() {
                            return new GateFamily("plugin-nor", "MAGIC NOR from a plugin", Families.magicNor().gates());
                        }
                    }
                    """,
            "org/example/kz/Identity.java", """
                    package org.example.kz;
                    import java.util.List;
                    import java.util.Map;
                    import kautz.network.Aig;
                    import kautz.opt.*;
                    public final class Identity implements PassProvider {
                        public PassInfo info() {
                            return new PassInfo("plugin-id", "leaves the network as it is", "", List.of(), options -> new Pass() {
                                public String name() { return "plugin-id"; }
                                public Map<String, String> options() { return Map.of(); }
                                public Pass.Result runTracked(Aig in) { return Pass.Result.unchanged(in); }
                            });
                        }
                    }
                    """,
            "org/example/kz/Preset.java", """
                    package org.example.kz;
                    import kautz.device.*;
                    public final class Preset implements DevicePresetProvider {
                        public DevicePreset preset() {
                            return DevicePresets.parse("plugin.device", "name = plugin-rram\\ntitle = a plugin's RRAM\\ncitation = none\\n");
                        }
                    }
                    """);

    private static final Map<String, String> SERVICES = Map.of(
            "kautz.schedule.Scheduler", "org.example.kz.ReverseTopo",
            "kautz.target.GateFamilyProvider", "org.example.kz.NorFamily",
            "kautz.opt.PassProvider", "org.example.kz.Identity",
            "kautz.device.DevicePresetProvider", "org.example.kz.Preset");

    /** Compiles the sources against Kautz's classes and packs them with their service files. */
    private static Path buildJar(Path dir) throws Exception {
        Path src = dir.resolve("src"), classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString(), "-cp", kautzClassPath()));
        for (var e : SOURCES.entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            args.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "javac failed");
        Path jar = dir.resolve("my-plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path c : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                Files.copy(c, out);
                out.closeEntry();
            }
            for (var e : SERVICES.entrySet()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + e.getKey()));
                out.write((e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Where Kautz's classes (runtime, compiler) and Guava were loaded from. */
    private static String kautzClassPath() throws Exception {
        StringBuilder cp = new StringBuilder();
        for (Class<?> c : List.of(Program.class, kautz.flow.Flow.class, ImmutableList.class)) {
            cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator)
                    .append(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        return cp.toString();
    }

    /** Runs {@code body} with the plugin jar on the context class path, as if it were on the JVM's class path. */
    private static <T> T withPlugin(Path jar, Callable<T> body) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, PluginJarTest.class.getClassLoader())) {
            t.setContextClassLoader(loader);
            return body.call();
        } finally {
            t.setContextClassLoader(old);
        }
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    @Test
    void aPluginJarAddsASchedulerAFamilyAPassAndAPreset(@TempDir Path dir) throws Exception {
        Path jar = buildJar(dir);
        assertFalse(Kautz.schedulers().contains("plugin-topo"), "not there without the jar");
        assertThrows(UserError.class, () -> Kautz.compile(ADD8, Options.defaults().set("scheduler", "plugin-topo")));

        withPlugin(jar, () -> {
            assertTrue(Kautz.schedulers().contains("plugin-topo"), Kautz.schedulers().toString());
            assertEquals("live", Kautz.schedulers().get(0), "the built-in default stays first");
            assertTrue(Kautz.targets().contains("plugin-nor"));
            assertTrue(Kautz.passes().contains("plugin-id"));
            assertTrue(Kautz.devicePresets().contains("plugin-rram"));

            // the library
            Compilation c = Kautz.compile(ADD8, Options.defaults().set("scheduler", "plugin-topo").set("target", "plugin-nor")
                    .set("opt", "plugin-id; strash"));
            assertEquals("plugin-topo", c.report().get("scheduler"));
            assertEquals("plugin-nor", c.report().get("target"));
            RunResult r = Kautz.run(c, Map.of("a", new long[]{5, 255}, "b", new long[]{7, 255}), 2, "auto", "plugin-rram", 1);
            assertArrayEquals(new long[]{12, 510}, r.outputs().get("sum"));
            assertEquals(0L, r.mismatches());
            assertTrue(Kautz.verify(c).equivalent());

            // the command line
            String json = cli("compile", ADD8.toString(), "--scheduler", "plugin-topo", "--target", "plugin-nor", "--json");
            assertTrue(json.contains("\"scheduler\": \"plugin-topo\""), json);
            assertTrue(cli("passes").contains("plugin-id"));
            assertTrue(cli("devices").contains("plugin-rram"));
            return null;
        });
    }
}
