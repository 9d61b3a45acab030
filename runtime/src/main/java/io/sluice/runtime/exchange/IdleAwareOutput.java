package io.sluice.runtime.exchange;

/**
 * An output into exchanges, which a source task tells when it has nothing to send for a while, and
 * through which barriers go on.
 */
public interface IdleAwareOutput extends BarrierOutput {
    /** This producer has (or no longer has) nothing to send for now; consumers stop waiting on its watermark. */
    void markIdle(boolean idle);
}
