package org.poahub.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for browser tests: Debian's {@code chromium} driven by its {@code chromium-driver} through
 * Selenium. The driver is given by path, so Selenium Manager never runs (it would try to download a browser). A
 * missing browser is a failure with the command that installs it, never a skipped test.
 *
 * <pre>{@code
 * try (Browser browser = Browser.start()) {
 *     browser.open("http://127.0.0.1:" + port + "/");
 *     ...
 * } // on a failed assertion call browser.screenshot("name") first; target/screenshots/name.png
 * }</pre>
 */
public final class Browser implements AutoCloseable {

    /** Overridable with {@code -Dpoa.test.chromium=} and {@code -Dpoa.test.chromedriver=}. */
    static final String CHROMIUM = System.getProperty("poa.test.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("poa.test.chromedriver", "/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path screenshots;

    private Browser(WebDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** Starts a headless Chromium (1280 × 900) that resolves only localhost and 127.0.0.1. */
    public static Browser start() {
        for (String file : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(Paths.get(file))) {
                throw new IllegalStateException("Browser tests need Debian's Chromium and its driver: " + file
                        + " is missing. Install them with `apt-get install -y chromium chromium-driver` (as root).");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                "--lang=es-BO",
                // no background lookups of Google hosts: only the hub under test is reachable
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, Paths.get("target", "screenshots"));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Runs a script in the page and returns its value (as Selenium converts it). */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves the page as {@code target/screenshots/<name>.png} and returns the file. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
