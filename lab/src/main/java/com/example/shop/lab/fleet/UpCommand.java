package com.example.shop.lab.fleet;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.example.shop.lab.host.LabPaths;
import com.example.shop.lab.host.Ports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "up", description = "Start everything, wait until it is healthy, print the URLs. Safe to run twice.")
public class UpCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--web", defaultValue = "2", description = "web instances (default: ${DEFAULT-VALUE})")
	int web;

	@Option(names = "--workers", defaultValue = "1", description = "worker instances (default: ${DEFAULT-VALUE})")
	int workers;

	@Override
	public Integer call() throws Exception {
		var out = out();
		out.println("Starting the lab (state and logs in .lab/) ...");
		Topology topology = new Topology(LabPaths.fromSystem(), out);
		topology.up(this.web, this.workers);
		out.printf("""

				The lab is up.
				  Orders API        http://127.0.0.1:%d/api/orders   (through the load balancer)
				  Products          http://127.0.0.1:%d/api/products
				  OpenAPI           http://127.0.0.1:%d/v3/api-docs
				  Load balancer     http://127.0.0.1:%d/              (HAProxy stats)
				Try: bin/lab order    then: bin/lab status    and when done: bin/lab down
				""", Ports.LOAD_BALANCER, Ports.LOAD_BALANCER, Ports.LOAD_BALANCER, Ports.LOAD_BALANCER_STATS);
		return 0;
	}

	private PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

	private PrintWriter err() {
		return this.spec.commandLine().getErr();
	}

}
