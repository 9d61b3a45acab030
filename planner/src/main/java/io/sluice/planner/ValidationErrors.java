package io.sluice.planner;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;

/** Calcite's validation errors as Sluice errors, with the SQLState their kind calls for. */
public final class ValidationErrors {
    private static final Pattern COLUMN = Pattern.compile("^Column '.*' not found.*|^Unknown field.*|.*unknown column.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OBJECT = Pattern.compile("^(Object|Table) '.*' not found.*");
    private static final Pattern TYPE = Pattern.compile(".*(Cannot apply|Cannot infer|incompatible|Cannot assign"
            + "|Illegal mixing of types|must be of type|Type mismatch|cannot be cast).*", Pattern.CASE_INSENSITIVE);

    private ValidationErrors() {
    }

    public static SluiceException translate(CalciteContextException e) {
        String message = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage()
                : e.getMessage();
        ErrorCode code = COLUMN.matcher(message).matches() ? ErrorCode.COLUMN_NOT_FOUND
                : OBJECT.matcher(message).matches() ? ErrorCode.OBJECT_NOT_FOUND
                : TYPE.matcher(message).matches() ? ErrorCode.TYPE_MISMATCH
                : ErrorCode.VALIDATION_ERROR;
        return new SluiceException(code, message, e.getPosLine(), e.getPosColumn(), e);
    }
}
