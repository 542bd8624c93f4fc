package com.example.shop.lab.fleet;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;

import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.LabState;
import com.example.shop.lab.host.Ports;
import com.example.shop.lab.probe.CurrentFault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the replacer holds back. That it does replace a dead instance, in its zone, is
 * shown on a real lab by {@code LabIT}.
 */
class ReplacerTests {

	@TempDir
	Path state;

	private LabPaths paths;

	private Replacer replacer;

	private final Instant now = Instant.parse("2026-11-29T10:00:00Z");

	@BeforeEach
	void oneDeadInstance() throws Exception {
		this.paths = new LabPaths(this.state, this.state);
		Process ended = new ProcessBuilder("true").start();
		ended.waitFor();
		LabState.load(this.paths).put(new LabState.Component("web-2", "web", ended.pid(), Ports.web(2)));
		this.replacer = new Replacer(this.paths, new PrintWriter(new StringWriter()));
	}

	@Test
	void waitsForTheGracePeriodAfterItFirstSawTheInstanceDead() {
		assertThat(this.replacer.tick(this.now)).isEmpty();
		assertThat(this.replacer.tick(this.now.plus(Replacer.GRACE).minusMillis(1))).isEmpty();
	}

	@Test
	void replacesNothingWhileTurnedOff() {
		Replacer.enable(this.paths, false);

		assertThat(this.replacer.tick(this.now)).isEmpty();
		assertThat(this.replacer.tick(this.now.plus(Replacer.GRACE).plusSeconds(60))).isEmpty();
		assertThat(Replacer.enabled(this.paths)).isFalse();
		Replacer.enable(this.paths, true);
		assertThat(Replacer.enabled(this.paths)).isTrue();
	}

	@Test
	void replacesNothingWhileAFaultIsBeingInjected() {
		CurrentFault.write(this.paths, "az-outage");

		assertThat(this.replacer.tick(this.now)).isEmpty();
		assertThat(this.replacer.tick(this.now.plus(Replacer.GRACE).plusSeconds(60))).isEmpty();
	}

	@Test
	void anInstanceStoppedOnPurposeIsForgottenAndNotReplaced() {
		this.replacer.tick(this.now);
		LabState.load(this.paths).remove("web-2");

		assertThat(this.replacer.tick(this.now.plus(Replacer.GRACE).plusSeconds(1))).isEmpty();
	}

}
