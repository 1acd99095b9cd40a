package org.poahub.hub.consolidation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Figures in alert texts as Bolivian staff write them: {@code 12.000,00} (the one formatter of the alerts). */
public final class BolivianFormat {

    private BolivianFormat() {
    }

    /** Thousands with '.', decimals with ',', always two decimals (half up). */
    public static String number(BigDecimal value) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
