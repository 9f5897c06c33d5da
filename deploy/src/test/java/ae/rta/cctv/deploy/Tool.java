package ae.rta.cctv.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool the checks run for real (promtool, amtool, kubectl). A missing tool fails the test that needs
 * it, naming the Debian package {@code ./cctv test} installs: these checks are acceptance criteria, never skipped.
 */
record Tool(Path executable) {

    /** What a run printed and its exit status. */
    record Result(int exitCode, String output, String errors) {

        /** Everything printed, for failure messages. */
        String all() {
            return output + errors;
        }
    }

    static Tool find(String name, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "");
        List<String> dirs = new ArrayList<>(List.of(path.split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/local/bin"));
        for (String dir : dirs) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return new Tool(candidate);
            }
        }
        throw new AssertionError(name + " is not installed, and the deploy checks need it: run the tests through "
                + "./cctv test, which installs it, or apt-get install " + debianPackage);
    }

    Result run(Path workingDirectory, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        try {
            Path errors = Files.createTempFile("tool", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                        .redirectError(errors.toFile()).start();
                process.getOutputStream().close();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish within 2 minutes");
                }
                return new Result(process.exitValue(), output, Files.readString(errors, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
