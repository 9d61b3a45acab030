package io.sluice.runtime.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a path really leads: absolute, without {@code .} and {@code ..}, and with every symbolic
 * link resolved, also for a path that does not exist yet (a directory a sink will make). The
 * nearest ancestor that exists is resolved by the file system ({@link Path#toRealPath}); the
 * names below it, which do not exist and so are not links, are appended. A path with {@code ..}
 * below a name that does not exist is not resolved at all.
 */
final class RealPaths {
    /** As the kernel's limit on links followed in one lookup (Linux gives up after 40). */
    private static final int MAX_LINKS = 40;

    private RealPaths() {
    }

    /** The real path of {@code path}; empty if it cannot be resolved (a loop of links, an unreadable link). */
    static Optional<Path> resolve(Path path) {
        Path current = path.toAbsolutePath();
        for (int links = 0; links <= MAX_LINKS; links++) {
            Path existing = current;
            // Without following links, so that a dangling link is found here rather than passed over.
            while (existing.getParent() != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            int depth = existing.getNameCount();
            Path rest = depth == current.getNameCount() ? null : current.subpath(depth, current.getNameCount());
            if (rest != null && containsParent(rest)) {
                // A '..' below a name that does not exist cannot be resolved as an open would resolve it:
                // 'missing/../link' is no path at all, and normalizing it by hand would skip the link's check.
                return Optional.empty();
            }
            try {
                Path real = existing.toRealPath();
                return Optional.of((rest == null ? real : real.resolve(rest)).normalize());
            } catch (NoSuchFileException dangling) {
                // A link to what does not exist (yet): followed by hand, as a later open would follow it.
                try {
                    Path target = Files.readSymbolicLink(existing);
                    Path parent = existing.getParent();
                    Path linked = parent == null ? target : parent.resolve(target);
                    current = (rest == null ? linked : linked.resolve(rest)).toAbsolutePath();
                } catch (IOException | UnsupportedOperationException e) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean containsParent(Path names) {
        for (Path name : names) {
            if (name.toString().equals("..")) {
                return true;
            }
        }
        return false;
    }
}
