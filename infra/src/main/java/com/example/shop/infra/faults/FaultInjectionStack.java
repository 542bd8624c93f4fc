package com.example.shop.infra.faults;

import com.example.shop.infra.InfraSettings;
import com.example.shop.infra.data.DataStack;
import com.example.shop.infra.observability.ObservabilityStack;
import com.example.shop.infra.web.WebStack;
import com.example.shop.infra.worker.WorkerStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** STUB, to be replaced: AWS FIS experiment templates mirroring the lab's faults. */
public class FaultInjectionStack extends Stack {

	public FaultInjectionStack(Construct scope, String id, StackProps props, InfraSettings settings, DataStack data,
			WebStack web, WorkerStack worker, ObservabilityStack observability) {
		super(scope, id, props);
	}

}
