package com.example.shop.deploy.aws;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import com.example.shop.deploy.Colour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line over {@link FakeAws}: what it prints, what it calls, how it exits. */
class AwsDeployTests {

	private static final String AMI = "ami-0abcdef1234567890";

	private static final String FAST = "--bake 30s --final-bake 30s --poll 30s --healthy-timeout 2m";

	private final FakeAws aws = new FakeAws();

	private final AtomicReference<String> region = new AtomicReference<>("not asked");

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@Test
	void deploysAndPrintsEachStateItEntersWithTheTime() {
		int exit = run("aws --prefix Orders --ami " + AMI + " " + FAST);

		assertThat(exit).isZero();
		assertThat(this.out.toString().lines())
			.startsWith("[09:00:00] LAUNCHING       2 green instance(s) on " + AMI,
					"[09:00:00] AWAITING_HEALTH until all 2 green target(s) are healthy",
					"[09:01:00] SHIFTING        10 % of new requests to green")
			.endsWith("[09:02:30] RETIRING        blue",
					"[09:02:30] DEPLOYED        green takes all traffic; the old colour is retired");
		assertThat(this.aws.calls()).startsWith("DescribeStacks Orders-Web", "DescribeStacks Orders-Observability",
				"DescribeAlarms", "DescribeListeners", "DescribeAutoScalingGroups green", "DescribeListeners");
		assertThat(this.region).hasValue(null);
		assertThat(this.err.toString()).isEmpty();
	}

	@Test
	void exitsWith3AndSaysWhyWhenTheDeploymentRollsItselfBack() {
		this.aws.alarmFiresWhenGreenGets(50);

		int exit = run("aws --prefix Orders --ami " + AMI + " " + FAST);

		assertThat(exit).isEqualTo(3);
		assertThat(this.err.toString())
			.isEqualTo("rolled back: alarm Orders-Web-5xx is in ALARM: Threshold Crossed: 5xx above 1 %\n");
		assertThat(this.out.toString().lines()).last()
			.asString()
			.endsWith("ROLLED_BACK     blue takes all traffic; green is retired");
	}

	@Test
	void refusesToStartWhileADeployAlarmFires() {
		this.aws.alarms.put("Orders-Web-p99", "ALARM");

		int exit = run("aws --prefix Orders --ami " + AMI);

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString())
			.isEqualTo("error: not deploying while deploy alarm(s) are in ALARM: Orders-Web-p99\n");
		assertThat(this.aws.calls()).containsExactly("DescribeStacks Orders-Web", "DescribeStacks Orders-Observability",
				"DescribeAlarms");
	}

	@Test
	void refusesToStartWhileTrafficIsSplitAndSaysHowToEndIt() {
		this.aws.weights.put(Colour.BLUE, 50);
		this.aws.weights.put(Colour.GREEN, 50);

		int exit = run("aws --prefix Orders --ami " + AMI);

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString()).contains("traffic is split (blue 50 / green 50)")
			.contains("--rollback-to blue or --rollback-to green");
		assertThat(this.aws.calls()).last().isEqualTo("DescribeListeners");
	}

	@Test
	void refusesToStartWhileTheIdleColourStillRunsInstances() {
		this.aws.groups.get(Colour.GREEN).desired = 2;

		int exit = run("aws --prefix Orders --ami " + AMI);

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString()).isEqualTo("error: green takes no traffic but still runs 2 instance(s) "
				+ "(an interrupted deployment, or a retirement that failed): run --rollback-to blue first\n");
		assertThat(this.aws.calls()).last().isEqualTo("DescribeAutoScalingGroups green");
	}

	@Test
	void printsTheLiveColourWeightsTargetsCapacitiesAndAlarms() {
		int exit = run("aws --prefix Orders --status --region eu-west-1");

		assertThat(exit).isZero();
		assertThat(this.out.toString()).isEqualTo("""
				live: blue (blue 100 / green 0)
				blue: 2 of 2 healthy, capacity 2
				green: 0 of 0 healthy, capacity 0
				deploy alarms: none in ALARM
				""");
		assertThat(this.region).hasValue("eu-west-1");
	}

	@Test
	void rollsBackByHandToTheColourNamedInAnyCase() {
		this.aws.weights.put(Colour.BLUE, 50);
		this.aws.weights.put(Colour.GREEN, 50);
		this.aws.groups.get(Colour.GREEN).desired = 2;

		int exit = run("aws --prefix Orders --rollback-to Blue");

		assertThat(exit).isZero();
		assertThat(this.aws.calls()).endsWith("DescribeTargetHealth blue", "ModifyListener blue=100 green=0",
				"UpdateAutoScalingGroup green min=0 desired=0");
		assertThat(this.out.toString())
			.contains("ROLLING_BACK    rollback requested by hand; all traffic back to blue");
	}

	@Test
	void refusesToRollBackToAColourWithoutAHealthyTarget() {
		int exit = run("aws --prefix Orders --rollback-to green");

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString())
			.isEqualTo("error: not rolling back to green: it has no healthy target (0 of 0 healthy)\n");
		assertThat(this.aws.calls()).noneMatch((call) -> call.startsWith("ModifyListener"));
	}

	@Test
	void namesAMissingStackOutputAndExits1() {
		this.aws.webOutputs.remove("ListenerArn");

		int exit = run("aws --prefix Orders --status");

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString())
			.isEqualTo("error: stack Orders-Web has no output ListenerArn (deploy the current CDK app to add it)\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "aws --prefix Orders --ami " + AMI + " --steps 10,50",
			"aws --prefix Orders --ami ami-nothex", "aws --prefix Orders --ami " + AMI + " --status",
			"aws --prefix Orders", "aws --ami " + AMI, "aws --prefix Orders --rollback-to red",
			"aws --prefix Orders --status --bake 5min", "aws --prefix Orders --ami " + AMI + " --poll 0s" })
	void rejectsInvalidOptionsWithExit2BeforeAskingAws(String args) {
		int exit = run(args);

		assertThat(exit).isEqualTo(2);
		assertThat(this.aws.calls()).isEmpty();
		assertThat(this.err.toString()).contains("Usage:");
	}

	private int run(String args) {
		AwsDeploy command = new AwsDeploy((region) -> {
			this.region.set(region);
			return this.aws.clients();
		}, new JumpingPacer(), ZoneOffset.UTC);
		CommandLine commandLine = AwsDeploy.commandLine(command);
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.err, true));
		return commandLine.execute(args.split(" "));
	}

}
