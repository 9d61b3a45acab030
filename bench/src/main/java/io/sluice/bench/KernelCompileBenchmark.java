package io.sluice.bench;

import io.sluice.runtime.codegen.CalcKernel;
import io.sluice.runtime.codegen.KernelCompiler;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What Janino takes to compile one generated kernel, the filter and projection of
 * {@link CalcKernelBenchmark}: each call compiles it anew, with a compiler whose cache is empty.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class KernelCompileBenchmark {
    private static final Pattern CLASS = Pattern.compile("package ([\\w.]+);.*?public final class (\\w+)",
            Pattern.DOTALL);

    private String className;
    private String source;

    @Setup
    public void setUp() {
        try (PlannedJob job = PlannedJob.plan(CalcKernelBenchmark.DDL, CalcKernelBenchmark.QUERY)) {
            source = job.kernelSources().get(0);
        }
        Matcher matcher = CLASS.matcher(source);
        if (!matcher.find()) {
            throw new IllegalStateException("no class in the generated source:\n" + source);
        }
        className = matcher.group(1) + "." + matcher.group(2);
    }

    @Benchmark
    public Class<? extends CalcKernel> compileCalcKernel() {
        return new KernelCompiler(KernelCompileBenchmark.class.getClassLoader()).compile(className, source,
                CalcKernel.class);
    }
}
