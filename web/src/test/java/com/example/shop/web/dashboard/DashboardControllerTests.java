package com.example.shop.web.dashboard;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard passes the monitor's picture through, and says so, with a 503 problem,
 * when the monitor does not answer; the page itself never needs the monitor or the
 * database.
 */
class DashboardControllerTests {

	private HttpServer monitor;

	private MockMvc mvc;

	@BeforeEach
	void monitorAnswering() throws IOException {
		this.monitor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.monitor.createContext("/status.json", (exchange) -> {
			byte[] body = "{\"database\":[{\"node\":\"db-a\",\"role\":\"unreachable\"}]}"
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.monitor.start();
		URI source = URI.create("http://127.0.0.1:" + this.monitor.getAddress().getPort() + "/status.json");
		this.mvc = MockMvcBuilders.standaloneSetup(new DashboardController(new DashboardProperties(source))).build();
	}

	@AfterEach
	void stop() {
		this.monitor.stop(0);
	}

	@Test
	void passesTheMonitorsPictureThrough() throws Exception {
		this.mvc.perform(get("/dashboard/state"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.database[0].role").value("unreachable"));
	}

	@Test
	void saysTheMonitorIsUnreachableWithAProblemInsteadOfFailing() throws Exception {
		this.monitor.stop(0);

		this.mvc.perform(get("/dashboard/state"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Monitor unreachable"));
	}

	@Test
	void servesThePageWithoutAskingTheMonitor() throws Exception {
		this.monitor.stop(0);

		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/webjars/uplot/1.6.30/")));
	}

	@Test
	void isOffUnlessAMonitorIsConfigured() {
		ApplicationContextRunner context = new ApplicationContextRunner()
			.withUserConfiguration(DashboardConfiguration.class, DashboardController.class)
			.withBean(DashboardProperties.class, () -> new DashboardProperties(URI.create("http://127.0.0.1:1/x")));

		context.run((off) -> assertThat(off).doesNotHaveBean(DashboardController.class));
		context.withPropertyValues("orders.dashboard.source=http://127.0.0.1:1/x")
			.run((on) -> assertThat(on).hasSingleBean(DashboardController.class));
	}

}
