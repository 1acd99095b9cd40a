package org.poahub.rules;

/**
 * Object-of-expenditure codes (clasificador por objeto del gasto) are hierarchical five-digit codes: trailing zeros
 * mark a group, so {@code 20000} covers every {@code 2xxxx} and {@code 25200} covers {@code 252xx}.
 */
public final class ObjectCodes {

    private ObjectCodes() {
    }

    public static boolean covers(String budgeted, String spent) {
        if (budgeted == null || spent == null) {
            return false;
        }
        String b = budgeted.strip();
        String s = spent.strip();
        if (b.equals(s)) {
            return true;
        }
        if (b.length() != s.length()) {
            return false;
        }
        int significant = b.length();
        while (significant > 0 && b.charAt(significant - 1) == '0') {
            significant--;
        }
        return significant > 0 && s.startsWith(b.substring(0, significant));
    }
}
