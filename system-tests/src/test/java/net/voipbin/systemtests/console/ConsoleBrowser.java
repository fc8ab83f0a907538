package net.voipbin.systemtests.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driving the console as a person would: Debian's {@code chromium} and
 * {@code chromium-driver} (paths overridable with {@code CHROMIUM_BIN} and {@code CHROMEDRIVER_BIN}).
 * Where they are not installed the tests are skipped, saying what to install.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String consoleUrl;

    private ConsoleBrowser(ChromeDriver driver, String consoleUrl) {
        this.driver = driver;
        this.consoleUrl = consoleUrl;
    }

    static boolean installed() {
        return Files.isExecutable(chromium()) && Files.isExecutable(chromedriver());
    }

    /** Skips the calling test (JUnit assumption) when there is no Chromium and chromedriver here. */
    static void assumeInstalled() {
        assumeTrue(installed(),
                "no headless browser: the console's browser tests need Chromium and its driver at " + chromium()
                        + " and " + chromedriver() + " (Debian: apt-get install -y chromium chromium-driver)");
    }

    static ConsoleBrowser open(String gatewayUrl) {
        ChromeOptions options = new ChromeOptions().setBinary(chromium().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1440,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver().toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return new ConsoleBrowser(driver, gatewayUrl + "/console/");
    }

    /** A fresh console (empty session storage) logged in with {@code token}, on the calls page. */
    void logIn(String token) {
        showLoginForm();
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.id("login-button")).click();
        waitUntil(Duration.ofSeconds(10), d -> d.findElements(By.id("calls")).isEmpty() ? null : true);
    }

    /** The login form, with any earlier session ended. */
    void showLoginForm() {
        driver.get(consoleUrl);
        driver.executeScript("sessionStorage.clear()");
        driver.get(consoleUrl);
        waitUntil(Duration.ofSeconds(10), d -> d.findElements(By.id("login-form")).isEmpty() ? null : true);
    }

    /** Goes to a page of the console ({@code calls}, {@code campaigns}, ...) and waits for its table. */
    void show(String page, String tableId) {
        driver.get(consoleUrl + "#/" + page);
        waitUntil(Duration.ofSeconds(10), d -> d.findElements(By.id(tableId)).isEmpty() ? null : true);
    }

    /** Waits until the live events stream shows as connected in the header. */
    void waitForLiveEvents() {
        waitUntil(Duration.ofSeconds(10), d -> "live".equals(text(By.id("live"))) ? true : null);
    }

    <T> T waitUntil(Duration within, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, within, Duration.ofMillis(50)).ignoring(RuntimeException.class).until(condition);
    }

    /*
     * The pages redraw a table when an event changes it, so a row is named by a locator and found afresh
     * for every look or click, never held as an element.
     */

    /** The row of table {@code tableId} whose cell of class {@code cellClass} reads {@code text}. */
    static By rowWhere(String tableId, String cellClass, String text) {
        return By.xpath("//table[@id='" + tableId + "']/tbody/tr[td[contains(concat(' ', @class, ' '), ' " + cellClass
                + " ') and normalize-space(.)='" + text + "']]");
    }

    /** The row with {@code data-<attribute>="value"}. */
    static By rowWith(String attribute, String value) {
        return By.cssSelector("tr[data-" + attribute + "='" + value + "']");
    }

    boolean present(By row) {
        return !driver.findElements(row).isEmpty();
    }

    /** The text of the row's cell of class {@code cellClass}; waits a little for the row to be there. */
    String cell(By row, String cellClass) {
        return waitUntil(Duration.ofSeconds(2), d -> d.findElement(row).findElement(By.cssSelector("td." + cellClass))
                .getText().trim());
    }

    /** Clicks the row's button {@code buttonCss} (redrawn rows are found again). */
    void click(By row, String buttonCss) {
        waitUntil(Duration.ofSeconds(5), d -> {
            d.findElement(row).findElement(By.cssSelector(buttonCss)).click();
            return true;
        });
    }

    /** Waits until the row's cell reads {@code expected}. */
    void waitForCell(Duration within, By row, String cellClass, String expected) {
        waitUntil(within, d -> expected.equals(d.findElement(row).findElement(By.cssSelector("td." + cellClass))
                .getText().trim()) ? true : null);
    }

    /** The rows of a table, not counting its "nothing here" row. */
    List<WebElement> rows(String tableId) {
        return driver.findElements(By.cssSelector("#" + tableId + " tbody tr:not(.empty)"));
    }

    /** The texts of the rows of a table, read at once (for assertions over a table that may be redrawn). */
    List<String> rowTexts(String tableId) {
        return waitUntil(Duration.ofSeconds(2), d -> rows(tableId).stream().map(WebElement::getText).toList());
    }

    String text(By by) {
        return driver.findElement(by).getText().trim();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Writes the visible page to {@code target/screenshots/<name>.png} for a reviewer. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static Path chromium() {
        return Path.of(Optional.ofNullable(System.getenv("CHROMIUM_BIN")).orElse("/usr/bin/chromium"));
    }

    private static Path chromedriver() {
        return Path.of(Optional.ofNullable(System.getenv("CHROMEDRIVER_BIN")).orElse("/usr/bin/chromedriver"));
    }
}
