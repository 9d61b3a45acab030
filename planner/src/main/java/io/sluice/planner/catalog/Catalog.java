package io.sluice.planner.catalog;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The streams, tables and views of one engine, shared by its sessions. Names are case-sensitive,
 * as in Flink. Thread-safe.
 */
public final class Catalog {
    private final ConcurrentSkipListMap<String, CatalogEntry> entries = new ConcurrentSkipListMap<>();

    /** Adds an entry; returns false if the name was taken and {@code ifNotExists} allowed that. */
    public boolean add(CatalogEntry entry, boolean ifNotExists) {
        requireNonNull(entry, "entry is null");
        CatalogEntry existing = entries.putIfAbsent(entry.name(), entry);
        if (existing == null) {
            return true;
        }
        if (ifNotExists) {
            return false;
        }
        throw new SluiceException(ErrorCode.OBJECT_ALREADY_EXISTS,
                describe(existing) + " already exists (use IF NOT EXISTS to ignore)");
    }

    /** Removes an entry of the given kind; returns false if it was absent and {@code ifExists} allowed that. */
    public boolean drop(String name, TableKind kind, boolean ifExists) {
        CatalogEntry existing = entries.get(name);
        if (existing == null) {
            if (ifExists) {
                return false;
            }
            throw notFound(name);
        }
        if (existing.kind() != kind) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR, "'" + name + "' is a "
                    + existing.kind().sqlName().toLowerCase(java.util.Locale.ROOT) + ", not a "
                    + kind.sqlName().toLowerCase(java.util.Locale.ROOT));
        }
        return entries.remove(name, existing);
    }

    public Optional<CatalogEntry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    public CatalogEntry get(String name) {
        return find(name).orElseThrow(() -> notFound(name));
    }

    /** Every entry, by name. */
    public List<CatalogEntry> entries() {
        return List.copyOf(entries.values());
    }

    public static SluiceException notFound(String name) {
        return new SluiceException(ErrorCode.OBJECT_NOT_FOUND, "no stream, table or view named '" + name + "'");
    }

    private static String describe(CatalogEntry entry) {
        return entry.kind().name().charAt(0) + entry.kind().name().substring(1).toLowerCase(java.util.Locale.ROOT)
                + " '" + entry.name() + "'";
    }
}
