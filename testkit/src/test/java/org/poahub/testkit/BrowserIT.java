package org.poahub.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BrowserIT {

    @Test
    void aHeadlessChromiumRunsScriptsDrawsAndTakesScreenshots() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.open("data:text/html;charset=utf-8,<title>prueba</title><canvas id=c width=20 height=10></canvas>");

            Object painted = browser.script("""
                    const c = document.getElementById('c').getContext('2d');
                    c.fillStyle = '#123a5c'; c.fillRect(0, 0, 5, 10);
                    const px = c.getImageData(0, 0, 20, 10).data;
                    let n = 0; for (let i = 3; i < px.length; i += 4) { if (px[i] > 0) n++; }
                    return n;""");
            Path shot = browser.screenshot("BrowserIT");

            assertThat(browser.driver().getTitle()).isEqualTo("prueba");
            assertThat(((Number) painted).intValue()).isEqualTo(50);
            assertThat(Files.size(shot)).isPositive();
        }
    }
}
