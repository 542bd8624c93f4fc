package com.example.shop.lab.deploy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import com.example.shop.deploy.Colour;
import com.example.shop.deploy.DeploymentPlan;
import com.example.shop.lab.fleet.Topology;
import com.example.shop.lab.host.LabPaths;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bin/lab deploy}: a blue/green deployment of the web tier on the running lab
 * ({@link LabDeployment}). Exits 0 when deployed, 3 when the deployment rolled itself
 * back.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
		description = "Deploy the web jar the build made to the idle colour (blue or green) and shift traffic to it "
				+ "in steps while watching errors and p99; roll back by itself on a breach.")
public class DeployCommand implements Callable<Integer> {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("'v'yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	@Spec
	CommandSpec spec;

	@Option(names = "--version", paramLabel = "V", description = "the release's name (default: v and the time)")
	@Nullable String version;

	@Option(names = "--break",
			description = "ship a broken release: healthy, but configured with a database user that does not "
					+ "exist, so every order fails with 503; the deployment must roll back by itself")
	boolean broken;

	@Option(names = "--steps", split = ",", defaultValue = "10,50,100",
			description = "the new colour's share at each step, in percent (default: ${DEFAULT-VALUE})")
	List<Integer> steps;

	@Option(names = "--bake", defaultValue = "20", paramLabel = "SECONDS",
			description = "seconds each step is watched (default: ${DEFAULT-VALUE})")
	int bakeSeconds;

	@Option(names = "--final-bake", defaultValue = "20", paramLabel = "SECONDS",
			description = "seconds the last step is watched before the old colour stops (default: ${DEFAULT-VALUE})")
	int finalBakeSeconds;

	@Option(names = "--healthy-timeout", defaultValue = "180", paramLabel = "SECONDS",
			description = "seconds the new colour may take to pass its checks (default: ${DEFAULT-VALUE})")
	int healthyTimeoutSeconds;

	@Option(names = "--rollback-to", paramLabel = "COLOUR",
			description = "deploy nothing: send all traffic to this colour (blue or green) and stop the other")
	@Nullable String rollbackTo;

	@Override
	public Integer call() {
		Topology topology = new Topology(LabPaths.fromSystem(), this.spec.commandLine().getOut());
		topology.requireRunning();
		DeploymentPlan plan = new DeploymentPlan(this.steps, Duration.ofSeconds(this.healthyTimeoutSeconds),
				Duration.ofSeconds(this.bakeSeconds), Duration.ofSeconds(this.finalBakeSeconds), Duration.ofSeconds(1));
		LabDeployment deployment = new LabDeployment(topology, plan, this.broken, this.spec.commandLine().getOut());
		if (this.rollbackTo != null) {
			deployment.rollBack(Colour.of(this.rollbackTo));
			return 0;
		}
		String release = (this.version != null) ? this.version : STAMP.format(Instant.now());
		return deployment.deploy(release, this.broken).deployed() ? 0 : 3;
	}

}
