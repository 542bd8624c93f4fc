package com.example.shop.deploy.aws;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.example.shop.deploy.Colour;
import com.example.shop.deploy.ConsoleProgress;
import com.example.shop.deploy.DeploymentPlan;
import com.example.shop.deploy.Outcome;
import com.example.shop.deploy.Pacer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The deploy command on AWS: {@code java -jar deploy.jar aws --prefix Orders --ami ami-…}
 * deploys an AMI to the idle colour, {@code --status} shows the colours and
 * {@code --rollback-to} sends all traffic to one colour by hand. It finds the listener,
 * groups and alarms in the stacks' outputs and refuses to start on a stack that is not at
 * rest (an alarm firing, traffic split), because a deployment's rollback is only as good
 * as the state it started from.
 */
@Command(name = "aws", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Deploys an AMI to the idle colour of the web tier, blue/green; shows the colours; "
				+ "or rolls back to one colour by hand.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:deployed, status printed, or rolled back by hand",
				"1:error, or refused to start (the message says why; --status shows the state)", "2:invalid options",
				"3:the deployment was rolled back automatically (the reason is on stderr)" })
public final class AwsDeploy implements Callable<Integer> {

	/**
	 * Reading faster than this would only spend the API rate limits the SDK retries on.
	 */
	private static final Duration MIN_POLL = Duration.ofSeconds(1);

	private static final Pattern AMI_ID = Pattern.compile("ami-[0-9a-f]{8,17}");

	@Spec
	CommandSpec spec;

	@Option(names = "--prefix", required = true, paramLabel = "PREFIX",
			description = "the CDK stacks' prefix, e.g. Orders")
	String prefix;

	@ArgGroup(exclusive = true, multiplicity = "1")
	Action action;

	@Option(names = "--region", paramLabel = "REGION", description = "the region (default: the SDK's region chain)")
	@Nullable String region;

	@Option(names = "--steps", split = ",", paramLabel = "PERCENT", defaultValue = "10,50,100",
			description = "the new colour's share at each step, rising to 100 (default: ${DEFAULT-VALUE})")
	List<Integer> steps;

	@Option(names = "--bake", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
			description = "how long each step before the last is watched (default: ${DEFAULT-VALUE})")
	Duration bake;

	@Option(names = "--final-bake", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
			description = "how long 100 %% is watched before the old colour is retired (default: ${DEFAULT-VALUE})")
	Duration finalBake;

	@Option(names = "--healthy-timeout", paramLabel = "DURATION", defaultValue = "15m",
			converter = DurationConverter.class,
			description = "how long the new colour may take to be healthy (default: ${DEFAULT-VALUE})")
	Duration healthyTimeout;

	@Option(names = "--poll", paramLabel = "DURATION", defaultValue = "15s", converter = DurationConverter.class,
			description = "how often health and alarms are read (default: ${DEFAULT-VALUE})")
	Duration poll;

	private final Function<@Nullable String, AwsClients> clients;

	private final Pacer pacer;

	private final ZoneId zone;

	public AwsDeploy() {
		this(AwsClients::create, Pacer.SYSTEM, ZoneId.systemDefault());
	}

	AwsDeploy(Function<@Nullable String, AwsClients> clients, Pacer pacer, ZoneId zone) {
		this.clients = clients;
		this.pacer = pacer;
		this.zone = zone;
	}

	public static void main(String[] args) {
		System.exit(commandLine(new AwsDeploy()).execute(args));
	}

	static CommandLine commandLine(AwsDeploy aws) {
		return new CommandLine(new RootCommand()).addSubcommand("aws", aws).setCaseInsensitiveEnumValuesAllowed(true);
	}

	@Override
	public Integer call() {
		DeploymentPlan plan = plan();
		PrintWriter err = this.spec.commandLine().getErr();
		try (AwsClients aws = this.clients.apply(this.region)) {
			WebStackOutputs stack = WebStackOutputs.read(aws.cloudFormation(), this.prefix);
			WebTier tier = WebTier.of(aws, stack);
			if (this.action.status) {
				tier.printStatus(this.spec.commandLine().getOut());
				return 0;
			}
			Colour keep = this.action.rollbackTo;
			return (keep != null) ? rollBack(tier, plan, keep)
					: deploy(tier, plan, stack, Objects.requireNonNull(this.action.ami));
		}
		catch (RuntimeException ex) {
			err.println("error: " + ex.getMessage());
			return 1;
		}
	}

	private int deploy(WebTier tier, DeploymentPlan plan, WebStackOutputs stack, String ami) {
		PrintWriter err = this.spec.commandLine().getErr();
		Optional<String> refusal = tier.whyNotDeploy();
		if (refusal.isPresent()) {
			err.println("error: " + refusal.get());
			return 1;
		}
		if (stack.deployAlarmNames().isEmpty()) {
			err.println("warning: no deploy alarms; only target health watches this deployment");
		}
		Outcome outcome = tier.deployment(plan, this.pacer, progress()).deploy(ami);
		if (!outcome.deployed()) {
			err.println("rolled back: " + outcome.reason());
			return 3;
		}
		return 0;
	}

	private int rollBack(WebTier tier, DeploymentPlan plan, Colour keep) {
		Optional<String> refusal = tier.whyNotRollBackTo(keep);
		if (refusal.isPresent()) {
			this.spec.commandLine().getErr().println("error: " + refusal.get());
			return 1;
		}
		tier.deployment(plan, this.pacer, progress()).rollBack(keep, "rollback requested by hand");
		return 0;
	}

	private ConsoleProgress progress() {
		return new ConsoleProgress(this.spec.commandLine().getOut(), this.pacer, this.zone);
	}

	private DeploymentPlan plan() {
		if (this.action.ami != null && !AMI_ID.matcher(this.action.ami).matches()) {
			throw new ParameterException(this.spec.commandLine(), "'" + this.action.ami + "' is not an AMI id");
		}
		if (this.poll.compareTo(MIN_POLL) < 0) {
			throw new ParameterException(this.spec.commandLine(),
					"--poll must be at least " + MIN_POLL.toSeconds() + "s");
		}
		try {
			return new DeploymentPlan(this.steps, this.healthyTimeout, this.bake, this.finalBake, this.poll);
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.spec.commandLine(), ex.getMessage());
		}
	}

	/** What the command does: exactly one of deploying, showing and rolling back. */
	static final class Action {

		@Option(names = "--ami", paramLabel = "AMI_ID", description = "deploy this AMI to the idle colour")
		@Nullable String ami;

		@Option(names = "--status", description = "print the live colour, the weights, targets and capacities")
		boolean status;

		@Option(names = "--rollback-to", paramLabel = "COLOUR",
				description = "send all traffic to blue or green and retire the other colour")
		@Nullable Colour rollbackTo;

	}

}
