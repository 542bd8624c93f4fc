package com.example.shop.deploy.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.example.shop.deploy.Colour;
import com.example.shop.deploy.HealthSignals;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The deploy alarms of the observability stack as {@link HealthSignals}: any of them in
 * {@code ALARM} stops the deployment. There is no baseline to compare with: an alarm that
 * fires already when a deployment would start is a reason not to start it (the command
 * checks {@link #firing()} first), not noise to ignore. {@code INSUFFICIENT_DATA} does
 * not stop it: a colour without traffic has no data yet.
 */
final class AlarmSignals implements HealthSignals {

	/** {@code DescribeAlarms} takes at most 100 names, more than a deployment watches. */
	private static final int MAX_NAMES = 100;

	private final CloudWatchClient cloudWatch;

	private final List<String> alarmNames;

	AlarmSignals(CloudWatchClient cloudWatch, List<String> alarmNames) {
		if (alarmNames.size() > MAX_NAMES) {
			throw new IllegalArgumentException("at most " + MAX_NAMES + " deploy alarms, not " + alarmNames.size());
		}
		this.cloudWatch = cloudWatch;
		this.alarmNames = List.copyOf(alarmNames);
	}

	@Override
	public Optional<String> breach(Colour newColour) {
		return firing().entrySet()
			.stream()
			.findFirst()
			.map((alarm) -> "alarm " + alarm.getKey() + " is in ALARM: " + alarm.getValue());
	}

	/**
	 * The deploy alarms in {@code ALARM} now, metric and composite alike.
	 * @return each firing alarm's name and state reason, in the order CloudWatch lists
	 * them
	 * @throws IllegalStateException if a deploy alarm does not exist: a deployment must
	 * not believe it is watched when it is not
	 */
	Map<String, String> firing() {
		if (this.alarmNames.isEmpty()) {
			return Map.of();
		}
		DescribeAlarmsResponse response = this.cloudWatch
			.describeAlarms((request) -> request.alarmNames(this.alarmNames)
				.alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM)
				.maxRecords(MAX_NAMES));
		Map<String, String> firing = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>(this.alarmNames);
		response.metricAlarms().forEach((alarm) -> {
			missing.remove(alarm.alarmName());
			if (alarm.stateValue() == StateValue.ALARM) {
				firing.put(alarm.alarmName(), alarm.stateReason());
			}
		});
		response.compositeAlarms().forEach((alarm) -> {
			missing.remove(alarm.alarmName());
			if (alarm.stateValue() == StateValue.ALARM) {
				firing.put(alarm.alarmName(), alarm.stateReason());
			}
		});
		if (!missing.isEmpty()) {
			throw new IllegalStateException("deploy alarm(s) " + String.join(", ", missing) + " do not exist");
		}
		return firing;
	}

}
