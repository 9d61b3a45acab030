package io.sluice.runtime.function;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;

/** The data errors generated arithmetic raises; they fail the query with a SQLState in class 22. */
public final class ArithmeticErrors {
    private ArithmeticErrors() {
    }

    public static SluiceException divisionByZero() {
        return new SluiceException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
    }

    public static SluiceException outOfRange(Object value, String type) {
        return new SluiceException(ErrorCode.NUMERIC_OUT_OF_RANGE, "the value " + value + " is out of range for " + type);
    }
}
