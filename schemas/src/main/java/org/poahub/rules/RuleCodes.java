package org.poahub.rules;

/** The stable codes of the report validation rules; the hub stores them and the agent shows them. */
public final class RuleCodes {

    public static final String OPERATION_UNKNOWN = "OPERATION_UNKNOWN";
    public static final String REGION_UNKNOWN = "REGION_UNKNOWN";
    public static final String REGION_MISMATCH = "REGION_MISMATCH";
    public static final String VALUE_NEGATIVE = "VALUE_NEGATIVE";
    public static final String PERCENT_OUT_OF_RANGE = "PERCENT_OUT_OF_RANGE";
    public static final String PROGRESS_BACKWARDS = "PROGRESS_BACKWARDS";
    public static final String PERIOD_INVERTED = "PERIOD_INVERTED";
    public static final String DATE_OUTSIDE_FISCAL_YEAR = "DATE_OUTSIDE_FISCAL_YEAR";
    public static final String DATE_OUTSIDE_OPERATION = "DATE_OUTSIDE_OPERATION";
    /** An object code that is not five digits of the Clasificador por Objeto del Gasto (e.g. 25220). */
    public static final String OBJECT_CODE_MALFORMED = "OBJECT_CODE_MALFORMED";
    public static final String OBJECT_NOT_BUDGETED = "OBJECT_NOT_BUDGETED";
    public static final String AMOUNT_NOT_POSITIVE = "AMOUNT_NOT_POSITIVE";
    public static final String REVERSAL_AMOUNT_NOT_NEGATIVE = "REVERSAL_AMOUNT_NOT_NEGATIVE";
    public static final String REVERSAL_TARGET_UNKNOWN = "REVERSAL_TARGET_UNKNOWN";
    public static final String REVERSAL_TARGET_OTHER_REGION = "REVERSAL_TARGET_OTHER_REGION";
    public static final String REVERSAL_TARGET_WRONG_KIND = "REVERSAL_TARGET_WRONG_KIND";
    public static final String CORRECTION_TARGET_UNKNOWN = "CORRECTION_TARGET_UNKNOWN";
    public static final String CORRECTION_TARGET_OTHER_REGION = "CORRECTION_TARGET_OTHER_REGION";
    public static final String CORRECTION_TARGET_WRONG_KIND = "CORRECTION_TARGET_WRONG_KIND";
    public static final String BUDGET_LINE_EXCEEDED = "BUDGET_LINE_EXCEEDED";
    /** Warning: an accepted report falls in a period the hub already approved (late data, re-approval needed). */
    public static final String PERIOD_ALREADY_APPROVED = "PERIOD_ALREADY_APPROVED";

    private RuleCodes() {
    }
}
