package io.sluice.runtime.connector.file;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.security.AccessPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Cuts a path into splits and deals them out to parallel tasks. Every task lists the path
 * itself and must come to the same plan, so the plan depends only on the files: their names in
 * order, then their byte ranges in order. The path, and each file listed in a directory, is
 * checked against the access policy as it is listed, and the splits name the paths the policy
 * returns, so that a reader opens what was checked.
 */
final class FileSplits {
    private FileSplits() {
    }

    /**
     * The splits task {@code taskIndex} of {@code parallelism} reads: every {@code parallelism}-th
     * split of the plan, starting at its index.
     */
    static List<FileSplit> forTask(Path path, AccessPolicy policy, long splitSize, int taskIndex, int parallelism) {
        List<FileSplit> all = plan(path, policy, splitSize);
        List<FileSplit> share = new ArrayList<>();
        for (int i = taskIndex; i < all.size(); i += parallelism) {
            share.add(all.get(i));
        }
        return List.copyOf(share);
    }

    /** One split per file, or ranges of {@code splitSize} bytes for files larger than that. */
    static List<FileSplit> plan(Path path, AccessPolicy policy, long splitSize) {
        List<FileSplit> splits = new ArrayList<>();
        for (Path file : files(policy.checkRead(path), policy)) {
            long size = size(file);
            for (long start = 0; start < size; start += splitSize) {
                splits.add(new FileSplit(file, start, Math.min(size, start + splitSize), size));
            }
        }
        return splits;
    }

    /** The path itself if it is a file; the regular, visible files in it, by name, if it is a directory. */
    private static List<Path> files(Path path, AccessPolicy policy) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            String problem = Files.exists(path) ? "is neither a regular file nor a directory" : "does not exist";
            throw new SluiceException(ErrorCode.IO_ERROR, "path '" + path + "' " + problem);
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries
                    .filter(file -> !isHidden(file) && Files.isRegularFile(file))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .map(policy::checkRead)
                    .toList();
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot list directory '" + path + "': " + e.getMessage(), e);
        }
    }

    /** Hidden as in Hadoop and Flink: names starting with {@code .} or {@code _} (e.g. {@code _SUCCESS}). */
    private static boolean isHidden(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") || name.startsWith("_");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot read file '" + file + "': " + e.getMessage(), e);
        }
    }
}
