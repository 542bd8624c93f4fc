package com.example.shop.infra.observability;

import com.example.shop.infra.InfraSettings;
import com.example.shop.infra.data.DataStack;
import com.example.shop.infra.web.WebStack;
import com.example.shop.infra.worker.WorkerStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/** STUB, to be replaced: alarms, their topic, the dashboard. */
public class ObservabilityStack extends Stack {

	private final Topic alarms;

	private final Alarm customerImpact;

	public ObservabilityStack(Construct scope, String id, StackProps props, InfraSettings settings, DataStack data,
			WebStack web, WorkerStack worker) {
		super(scope, id, props);
		this.alarms = Topic.Builder.create(this, "Alarms").build();
		this.customerImpact = Alarm.Builder.create(this, "CustomerImpact")
			.metric(web.loadBalancer().getMetrics().requestCount())
			.threshold(1)
			.evaluationPeriods(1)
			.build();
	}

	public ITopic alarms() {
		return this.alarms;
	}

	/** The alarm that says customers are hurt: the fault experiments stop on it. */
	public Alarm customerImpact() {
		return this.customerImpact;
	}

}
