package io.camelantom.examples.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operations console in a real browser (issue 15, item 4): the standalone demo runs as users run it
 * ({@code --keep-running}, console enabled by its application.properties, password made and printed by the demo);
 * headless Chromium, driven through the chromedriver of the OS packages, signs in, finds an order paid in this test,
 * reads its timeline, re-drives a dead letter and overrides a stuck payment with a reason. Screenshots go to
 * {@code target/console-screenshots/}.
 */
class OperationsConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    StandaloneDemo demo;
    Thread demoThread;
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser test needs headless Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver). .ci/run installs them when missing: "
                    + "apt-get install -y --no-install-recommends chromium chromium-driver");
        }
        Properties p = new Properties();
        // a cancel ahead of its order is dead-lettered at once (so the test has a dead letter to re-drive)
        p.setProperty("camel.antom.routes.order-bridge.unknown-payment-grace-period", "PT0S");
        Path config = DemoRun.config(dir, p);
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        demo = new StandaloneDemo(DemoOptions.parse("--orders", "4", "--keep-running", "--config", config.toString()),
                Map.of(), out);
        demoThread = new Thread(() -> {
            try {
                demo.run();
            } catch (Exception e) {
                out.println("DEMO FAILED: " + e);
            }
        }, "demo-under-test");
        demoThread.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!text().contains("Still running (--keep-running)")) {
            if (text().contains("DEMO FAILED") || System.nanoTime() > deadline) {
                fail("the demo did not get to keep running:\n" + text());
            }
            Thread.sleep(200);
        }

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1400",
                "--user-data-dir=" + Files.createDirectory(dir.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(new File("target/chromedriver.log")).build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (demo != null) {
            demo.stop();
            demoThread.join(60_000);
        }
    }

    @Test
    void operatorSignsInFindsAPaymentRedrivesADeadLetterAndOverridesAStuckPayment() throws Exception {
        Matcher banner = Pattern.compile("console\\s+(http://\\S+/antom/console/)\\s+\\(operator (\\S+), password (\\S+)\\)")
                .matcher(text());
        assertThat(banner.find()).as("the demo prints the console's URL and credentials:\n" + text()).isTrue();
        String url = banner.group(1);

        // sign in: a wrong password is refused, the printed one accepted
        browser.get(url);
        type("username", banner.group(2));
        type("password", "wrong");
        browser.findElement(By.id("login")).click();
        waitFor(() -> id("message").getText().contains("Sign-in refused"));
        type("password", banner.group(3));
        screenshot("01-sign-in");
        browser.findElement(By.id("login")).click();
        waitFor(() -> id("operator").getText().equals("signed in as " + banner.group(2)));

        // an order paid in this test: found by its order id, with its timeline
        send("antom.orders", order("BROWSER-PAID", "10.00"));
        searchUntilStatus("BROWSER-PAID", "PAID");
        waitFor(() -> {
            searchUntilStatus("BROWSER-PAID", "PAID");
            return !browser.findElements(By.cssSelector("#timeline li.event-RESULT_PUBLISHED")).isEmpty();
        });
        List<String> kinds = browser.findElements(By.cssSelector("#timeline li .kind")).stream()
                .map(WebElement::getText).toList();
        // settled by pay's answer (STATUS) or by Antom's notification when it arrives first (NOTIFICATION)
        assertThat(kinds).containsSubsequence("REGISTERED", "ANTOM_CALL", "RESULT_PUBLISHED");
        assertThat(kinds).containsAnyOf("STATUS", "NOTIFICATION");
        assertThat(id("timeline").getText()).contains("-> PAID");
        screenshot("02-timeline");

        // a dead letter (a cancel ahead of its order), re-driven once the order is there: the payment is cancelled
        send("antom.cancels", "{\"orderId\":\"BROWSER-LATE\"}");
        waitFor(() -> {
            browser.findElement(By.id("dead-letters-refresh")).click();
            return id("dead-letters").getText().contains("no payment for order BROWSER-LATE");
        });
        send("antom.orders", order("BROWSER-LATE", "10.63"));
        searchUntilStatus("BROWSER-LATE", "PROCESSING");
        screenshot("03-dead-letter");
        WebElement row = browser.findElements(By.cssSelector("#dead-letters tr")).stream()
                .filter(r -> r.getText().contains("BROWSER-LATE")).findFirst().orElseThrow();
        row.findElement(By.cssSelector("button.redrive")).click();
        waitFor(() -> id("message").getText().equals("Re-driven to antom.cancels"));
        searchUntilStatus("BROWSER-LATE", "CANCELLED");
        assertThat(id("dead-letters").getText()).doesNotContain("BROWSER-LATE");

        // a stuck payment: inquired now (still open), then overridden with a reason; the audit line is in its timeline
        send("antom.orders", order("BROWSER-STUCK", "10.63"));
        searchUntilStatus("BROWSER-STUCK", "PROCESSING");
        browser.findElement(By.id("inquire-button")).click();
        waitFor(() -> id("message").getText().startsWith("Checked BROWSER-STUCK")
                && id("timeline").getText().contains("OPERATOR_INQUIRY"));
        new Select(id("override-target")).selectByVisibleText("FAILED");
        type("override-reason", "customer paid at the till, receipt 4711");
        browser.findElement(By.id("override-button")).click();
        waitFor(() -> id("message").getText().equals("Override applied and recorded"));
        waitFor(() -> id("payment-status").getText().equals("FAILED")
                && id("timeline").getText().contains("OPERATOR_OVERRIDE"));
        assertThat(id("timeline").getText())
                .contains("PROCESSING -> FAILED by " + banner.group(2) + ": customer paid at the till, receipt 4711");
        assertThat(id("payment-operatorNote").getText())
                .isEqualTo(banner.group(2) + ": customer paid at the till, receipt 4711");
        // the whole page, charts included (the README's screenshot: examples/standalone/docs/operations-console.png)
        browser.manage().window().setSize(new Dimension(1100, 1900));
        waitFor(() -> !browser.findElements(By.cssSelector("#chart-final svg rect")).isEmpty()
                && !id("chart-latency").getText().isEmpty());
        screenshot("04-override");
    }

    private void searchUntilStatus(String orderId, String status) {
        waitFor(() -> {
            WebElement input = id("search-input");
            input.clear();
            input.sendKeys(orderId);
            browser.findElement(By.id("search-button")).click();
            return id("payment-section").isDisplayed()
                    && id("payment-orderId").getText().equals(orderId)
                    && id("payment-status").getText().equals(status);
        });
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT, Duration.ofMillis(250)).ignoring(RuntimeException.class)
                .until(d -> condition.getAsBoolean());
    }

    private WebElement id(String id) {
        return browser.findElement(By.id(id));
    }

    private void type(String id, String text) {
        WebElement e = id(id);
        e.clear();
        e.sendKeys(text);
    }

    private void send(String queue, String body) throws Exception {
        try (ProducerTemplate producer = demo.camelContext().createProducerTemplate()) {
            producer.sendBody("jms:queue:" + queue, body);
        }
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private String text() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private static String order(String orderId, String amount) {
        return "{\"orderId\":\"" + orderId + "\",\"amount\":\"" + amount + "\",\"currency\":\"USD\","
                + "\"description\":\"Coffee beans\",\"buyerId\":\"C-1\",\"storeId\":\"S-1\","
                + "\"paymentMethod\":{\"type\":\"CONNECT_WALLET\",\"code\":\"281012020000123456\","
                + "\"scenario\":\"PaymentCode\"}}";
    }
}
