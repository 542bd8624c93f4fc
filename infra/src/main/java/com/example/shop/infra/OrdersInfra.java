package com.example.shop.infra;

import com.example.shop.infra.data.DataStack;
import com.example.shop.infra.data.DrVaultStack;
import com.example.shop.infra.faults.FaultInjectionStack;
import com.example.shop.infra.network.NetworkStack;
import com.example.shop.infra.observability.ObservabilityStack;
import com.example.shop.infra.web.WebStack;
import com.example.shop.infra.worker.WorkerStack;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/**
 * The whole deployment: six stacks split by lifecycle (the network outlives the data,
 * which outlives the tiers; alarms and experiments change most often), every one named
 * with the same prefix, and cdk-nag's AWS Solutions checks over all of them. A seventh,
 * the disaster-recovery vault, is added in another region when the settings name one.
 *
 * @param network the VPC and the security groups
 * @param data the database, the queues and the receipts bucket
 * @param web the load balancer and the blue and green web groups
 * @param worker the worker group
 * @param observability the alarms, their topic and the dashboard
 * @param faults the AWS FIS experiment templates
 * @param drVault the backup vault in the disaster-recovery region, if there is one
 */
public record OrdersInfra(NetworkStack network, DataStack data, WebStack web, WorkerStack worker,
		ObservabilityStack observability, FaultInjectionStack faults, @Nullable DrVaultStack drVault) {

	/**
	 * Adds the stacks to an app.
	 * @param app the CDK app
	 * @param settings what differs between deployments
	 * @return the stacks
	 */
	public static OrdersInfra build(App app, InfraSettings settings) {
		StackProps props = StackProps.builder().build();
		String prefix = settings.prefix();
		NetworkStack network = new NetworkStack(app, prefix + "-Network", props, settings);
		DrVaultStack drVault = drVault(app, settings);
		DataStack data = new DataStack(app, prefix + "-Data", props, settings, network);
		if (drVault != null) {
			data.addStackDependency(drVault, "the daily backup rule copies into the disaster-recovery vault");
		}
		WebStack web = new WebStack(app, prefix + "-Web", props, settings, network, data);
		WorkerStack worker = new WorkerStack(app, prefix + "-Worker", props, settings, network, data);
		ObservabilityStack observability = new ObservabilityStack(app, prefix + "-Observability", props, settings, data,
				web, worker);
		FaultInjectionStack faults = new FaultInjectionStack(app, prefix + "-Faults", props, settings, data, web,
				worker, observability);
		Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
		return new OrdersInfra(network, data, web, worker, observability, faults, drVault);
	}

	private static @Nullable DrVaultStack drVault(App app, InfraSettings settings) {
		String region = settings.backups().drRegion();
		return (region != null) ? new DrVaultStack(app, settings.prefix() + "-DrVault", settings, region) : null;
	}

}
