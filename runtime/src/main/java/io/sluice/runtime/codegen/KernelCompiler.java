package io.sluice.runtime.codegen;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.commons.compiler.InternalCompilerException;
import org.codehaus.janino.SimpleCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles generated Java source with Janino, once per distinct source: queries whose kernels
 * have the same source share the class. One compiler per engine (no static cache), so the cache
 * lives and dies with it.
 */
public final class KernelCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(KernelCompiler.class);

    private final ClassLoader parent;
    private final ConcurrentHashMap<String, Class<?>> classesBySource = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder compilations = new LongAdder();

    public KernelCompiler(ClassLoader parent) {
        this.parent = requireNonNull(parent, "parent is null");
    }

    /** Compiles (or finds in the cache) a compilation unit and returns its class {@code className}. */
    public <T> Class<? extends T> compile(String className, String source, Class<T> type) {
        Class<?> compiled = classesBySource.get(source);
        if (compiled != null) {
            hits.increment();
        } else {
            compiled = classesBySource.computeIfAbsent(source, s -> doCompile(className, s));
        }
        return compiled.asSubclass(type);
    }

    /** Makes an instance of a compiled kernel class through its {@code (KernelContext)} constructor. */
    public static <T> T instantiate(Class<? extends T> kernelClass, KernelContext context) {
        try {
            return kernelClass.getConstructor(KernelContext.class).newInstance(context);
        } catch (ReflectiveOperationException e) {
            throw SluiceException.internal("cannot instantiate generated class " + kernelClass.getName(), e);
        }
    }

    public long cacheHits() {
        return hits.sum();
    }

    public long compilations() {
        return compilations.sum();
    }

    public int cachedClasses() {
        return classesBySource.size();
    }

    private Class<?> doCompile(String className, String source) {
        compilations.increment();
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(parent);
        try {
            compiler.cook(source);
            return compiler.getClassLoader().loadClass(className);
        } catch (CompileException | InternalCompilerException e) {
            if (isTooLarge(e)) {
                throw new SluiceException(ErrorCode.UNSUPPORTED,
                        "the expression is too large to compile into one method; split the query into smaller expressions", e);
            }
            LOG.error("generated code failed to compile: {}\n{}", e.getMessage(), numbered(source));
            throw SluiceException.internal("generated code failed to compile: " + e.getMessage(), e);
        } catch (ClassNotFoundException e) {
            throw SluiceException.internal("generated class " + className + " not found", e);
        }
    }

    /** Janino reports a method over the JVM's 64 KB limit as an internal error, wrapped in others. */
    private static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("too large") || message.contains("grows beyond 64 KB")) {
                return true;
            }
        }
        return false;
    }

    /** The source with line numbers, as a compile error's line refers to them. */
    public static String numbered(String source) {
        StringBuilder out = new StringBuilder();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(String.format("%4d  %s%n", i + 1, lines[i]));
        }
        return out.toString();
    }
}
