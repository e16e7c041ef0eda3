package com.example.hublinks.ops;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real, small file system for a test: a tmpfs of a few megabytes mounted on a folder, so that a
 * disk fills up as it does in production ("No space left on device" from the kernel, short writes).
 * Mounting needs root (the CI machine runs the build as root); elsewhere the test is skipped, saying why.
 */
record Tmpfs(Path mountPoint) implements AutoCloseable {

    static Tmpfs mount(Path mountPoint, String size) throws Exception {
        Files.createDirectories(mountPoint);
        assumeTrue("root".equals(System.getProperty("user.name")),
                "mounting a small tmpfs (a disk that really fills up) needs root");
        int code = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", mountPoint.toString());
        assumeTrue(code == 0, "could not mount a tmpfs on " + mountPoint);
        return new Tmpfs(mountPoint);
    }

    long free() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    /** Fills the file system with a ballast file until {@code leave} bytes are free; returns it. */
    Path fillLeaving(long leave) throws IOException {
        Path ballast = mountPoint.resolve("ballast");
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(ballast)) {
            for (long left = free() - leave; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return ballast;
    }

    @Override
    public void close() throws Exception {
        run("umount", "-l", mountPoint.toString());
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        if (code != 0) {
            System.err.println(String.join(" ", command) + ": " + output);
        }
        return code;
    }
}
