package org.poahub.testkit;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Saves a screenshot of the browser to {@code target/screenshots/<Class>.<method>.png} when a test fails:
 * {@code @RegisterExtension ScreenshotOnFailure shots = new ScreenshotOnFailure(() -> browser);}
 */
public final class ScreenshotOnFailure implements TestWatcher {

    private final Supplier<Browser> browser;

    public ScreenshotOnFailure(Supplier<Browser> browser) {
        this.browser = browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browser b = browser.get();
        if (b != null) {
            b.screenshot(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
        }
    }
}
