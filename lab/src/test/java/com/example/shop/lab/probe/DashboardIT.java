package com.example.shop.lab.probe;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.example.shop.lab.host.Ports;
import com.example.shop.lab.testing.OrdersApi;
import com.example.shop.lab.testing.RunningLab;
import com.example.shop.lab.testing.SharedLab;
import com.example.shop.lab.testing.SteadyLoad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real browser (headless Chromium), against the running lab: the page
 * loads through the load balancer and shows both instances in service and the database's
 * primary and standby; its numbers move under load; a database failover shows up on it
 * (the fault's name, the old primary unreachable), and it keeps updating through it. A
 * screenshot under the fault goes to {@code target/dashboard-under-fault.png}
 * ({@code -Ddashboard.screenshot=docs/img/dashboard.png} also writes it there). The
 * failover leaves the other node primary, which the shared lab swaps back.
 */
@ExtendWith(SharedLab.class)
@Order(4)
class DashboardIT {

	/** Debian's Chromium, or the Google Chrome of GitHub's Ubuntu runners. */
	private static final Path CHROMIUM = firstExecutable(Path.of("/usr/bin/chromium"),
			Path.of("/usr/bin/google-chrome"));

	/** Debian's chromium-driver, or the runners' (in {@code CHROMEWEBDRIVER}). */
	private static final Path CHROMEDRIVER = firstExecutable(Path.of("/usr/bin/chromedriver"),
			Path.of(System.getenv().getOrDefault("CHROMEWEBDRIVER", "/nonexistent"), "chromedriver"));

	private static WebDriver browser;

	@BeforeAll
	static void labAndBrowser() throws Exception {
		assumeTrue(RunningLab.required() || (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)),
				"chromium and chromium-driver are not installed");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void showsTheSystemLiveAndAFailoverOnIt() throws Exception {
		browser.get("http://127.0.0.1:" + Ports.LOAD_BALANCER + "/");
		awaitText("servers", (text) -> text.contains("web-1 (zone a): UP") && text.contains("web-2 (zone b): UP"), 30);
		awaitText("database",
				(text) -> text.contains("db-a (zone a): primary") && text.contains("db-b (zone b): standby"), 30);
		assertThat(text("fault")).isEqualTo("no fault");
		assertThat(text("served-by")).matches("web-\\d");

		SteadyLoad load = SteadyLoad.start(OrdersApi.LOAD_BALANCER, Duration.ofMillis(50));
		try {
			// under load the numbers move: requests through the load balancer, receipts
			// made
			awaitText("rps", (text) -> text.matches("\\d+") && Integer.parseInt(text) >= 5, 30);
			awaitText("receipts", (text) -> text.matches("\\d+") && Integer.parseInt(text) >= 1, 60);
			awaitText("answered", (text) -> text.contains("web-1") && text.contains("web-2"), 10);

			CompletableFuture<Integer> failover = CompletableFuture
				.supplyAsync(() -> RunningLab.lab("fault", "db-failover"));
			awaitText("fault", (text) -> text.startsWith("fault: db-failover"), 30);
			awaitText("database",
					(text) -> text.contains("db-b (zone b): primary") || text.contains("db-a (zone a): unreachable"),
					60);
			Path shot = screenshot();
			assertThat(failover.get()).isZero();
			awaitText("fault", "no fault"::equals, 60);
			awaitText("database",
					(text) -> text.contains("db-b (zone b): primary") && text.contains("db-a (zone a): standby"), 60);
			// still live after the fault: the clock moves on
			String updated = text("updated");
			awaitText("updated", (text) -> !text.equals(updated), 10);
			assertThat(shot).isNotEmptyFile();
		}
		finally {
			load.stop();
		}
	}

	private static Path firstExecutable(Path... candidates) {
		return java.util.Arrays.stream(candidates).filter(Files::isExecutable).findFirst().orElse(candidates[0]);
	}

	private static Path screenshot() throws IOException {
		File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", "dashboard-under-fault.png");
		Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		String copy = System.getProperty("dashboard.screenshot");
		if (copy != null) {
			Files.copy(png.toPath(), Path.of("..").resolve(copy), StandardCopyOption.REPLACE_EXISTING);
		}
		return target;
	}

	private static String text(String id) {
		return browser.findElement(By.id(id)).getText().trim();
	}

	private static void awaitText(String id, java.util.function.Predicate<String> expected, int seconds) {
		new WebDriverWait(browser, Duration.ofSeconds(seconds)).withMessage(() -> "#" + id + " shows: " + text(id))
			.until((driver) -> expected.test(text(id)));
	}

}
