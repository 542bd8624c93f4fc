package com.example.shop.deploy.aws;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The jar's top command, {@code java -jar deploy.jar}: it only holds {@code aws}, so that
 * other targets can sit beside it without changing how the AWS one is called.
 */
@Command(name = "deploy.jar", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
		version = "orders deploy controller", description = "Blue/green deployments of the orders web tier.")
final class RootCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	/**
	 * Without a command there is nothing to do: print the usage and exit 2, as for bad
	 * options.
	 */
	@Override
	public Integer call() {
		this.spec.commandLine().usage(this.spec.commandLine().getErr());
		return 2;
	}

}
