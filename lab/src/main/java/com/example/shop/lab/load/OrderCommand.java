package com.example.shop.lab.load;

import java.util.concurrent.Callable;

import com.example.shop.lab.host.LabPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bin/lab order}: places one order through the load balancer and follows it
 * through the system ({@link OrderTrace}).
 */
@Command(name = "order",
		description = "Place one order through the load balancer and follow it until its receipt " + "is in S3.")
public class OrderCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--email", defaultValue = "workshop@example.com", description = "the customer's email")
	String email;

	@Override
	public Integer call() throws Exception {
		new OrderTrace(LabPaths.fromSystem(), this.spec.commandLine().getOut()).follow(this.email);
		return 0;
	}

}
