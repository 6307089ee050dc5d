package kautz.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code kautz --version}: the pom's version, which Maven writes into version.properties when it builds the jar. */
public final class Version implements IVersionProvider {
    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String number() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) throw new IllegalStateException("version.properties is missing from the build");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"kautz " + number()};
    }
}
