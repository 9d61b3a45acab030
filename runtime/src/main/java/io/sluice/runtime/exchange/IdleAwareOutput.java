package io.sluice.runtime.exchange;

import io.sluice.runtime.operator.Output;

/** An output into exchanges, which a source task tells when it has nothing to send for a while. */
public interface IdleAwareOutput extends Output {
    /** This producer has (or no longer has) nothing to send for now; consumers stop waiting on its watermark. */
    void markIdle(boolean idle);
}
