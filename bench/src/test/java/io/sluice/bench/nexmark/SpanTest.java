package io.sluice.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpanTest {
    @Test
    void theMedianRunIsTheMiddleOneByCpuSeconds() {
        Span fast = new Span(0.40, 0.43);
        Span middle = new Span(0.45, 0.50);
        Span slow = new Span(0.41, 0.92);
        assertEquals(middle, Span.medianByCpu(List.of(slow, fast, middle)));
        assertEquals(fast, Span.medianByCpu(List.of(slow, fast)));
        assertEquals(slow, Span.medianByCpu(List.of(slow)));
        assertThrows(IllegalArgumentException.class, () -> Span.medianByCpu(List.of()));
    }
}
