package org.tonearm.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of the compatibility protocols' wire formats under src/test/resources/golden/. Run a test with
 * {@code -Dgolden.update=true} to (re)write them after a deliberate change; review the diff like code.
 */
public final class Golden {

    private static final Path ROOT = Path.of("src/test/resources/golden");

    private Golden() {}

    public static void assertMatches(String file, String actual) {
        Path path = ROOT.resolve(file);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(Files.exists(path)).as("golden file %s exists", path).isTrue();
            assertThat(actual).as("response matches golden file %s", file)
                    .isEqualTo(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
