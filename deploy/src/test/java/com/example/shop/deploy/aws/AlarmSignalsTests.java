package com.example.shop.deploy.aws;

import java.util.List;
import java.util.Map;

import com.example.shop.deploy.Colour;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AlarmSignalsTests {

	private static final String REASON = "Threshold Crossed: 1 out of the last 1 datapoints [4.0 (28/11/30 09:05:00)] "
			+ "was greater than the threshold (1.0) (minimum 1 datapoint for OK -> ALARM transition).";

	@Test
	void asksCloudWatchForTheDeployAlarmsMetricAndCompositeInRpcV2Cbor() {
		RecordingHttpClient http = answering(List.of(alarm("Orders-Web-5xx", "OK"), alarm("Orders-Web-p99", "OK")),
				List.of());

		signals(http, "Orders-Web-5xx", "Orders-Web-p99").breach(Colour.GREEN);

		RecordedRequest request = http.requests().getFirst();
		assertThat(request.http().encodedPath())
			.isEqualTo("/service/GraniteServiceVersion20100801/operation/DescribeAlarms");
		assertThat(request.header("smithy-protocol")).isEqualTo("rpc-v2-cbor");
		assertThat(request.header("Content-Type")).isEqualTo("application/cbor");
		assertThat(request.cbor()).containsEntry("AlarmNames", List.of("Orders-Web-5xx", "Orders-Web-p99"))
			.containsEntry("AlarmTypes", List.of("MetricAlarm", "CompositeAlarm"));
	}

	@Test
	void aFiringAlarmIsABreachThatNamesItAndSaysWhy() {
		RecordingHttpClient http = answering(
				List.of(alarm("Orders-Web-5xx", "OK"),
						Map.of("AlarmName", "Orders-Web-p99", "StateValue", "ALARM", "StateReason", REASON)),
				List.of());

		assertThat(signals(http, "Orders-Web-5xx", "Orders-Web-p99").breach(Colour.GREEN))
			.contains("alarm Orders-Web-p99 is in ALARM: " + REASON);
	}

	@Test
	void aFiringCompositeAlarmIsABreachToo() {
		RecordingHttpClient http = answering(List.of(alarm("Orders-Web-5xx", "OK")), List
			.of(Map.of("AlarmName", "Orders-Web-Customers", "StateValue", "ALARM", "StateReason", "5xx and p99")));

		assertThat(signals(http, "Orders-Web-5xx", "Orders-Web-Customers").breach(Colour.GREEN))
			.contains("alarm Orders-Web-Customers is in ALARM: 5xx and p99");
	}

	@Test
	void alarmsWithoutDataAreNoBreach() {
		RecordingHttpClient http = answering(
				List.of(alarm("Orders-Web-5xx", "OK"), alarm("Orders-Web-p99", "INSUFFICIENT_DATA")), List.of());

		assertThat(signals(http, "Orders-Web-5xx", "Orders-Web-p99").breach(Colour.GREEN)).isEmpty();
	}

	@Test
	void aDeployAlarmThatDoesNotExistIsAnErrorNotSilence() {
		RecordingHttpClient http = answering(List.of(alarm("Orders-Web-5xx", "OK")), List.of());

		assertThatIllegalStateException()
			.isThrownBy(() -> signals(http, "Orders-Web-5xx", "Orders-Web-p99").breach(Colour.GREEN))
			.withMessage("deploy alarm(s) Orders-Web-p99 do not exist");
	}

	@Test
	void withoutDeployAlarmsAsksNothingBecauseNoNamesWouldMeanEveryAlarm() {
		RecordingHttpClient http = answering(List.of(alarm("someone-elses-alarm", "ALARM")), List.of());

		assertThat(signals(http).breach(Colour.GREEN)).isEmpty();
		assertThat(http.requests()).isEmpty();
	}

	private static Map<String, String> alarm(String name, String state) {
		return Map.of("AlarmName", name, "StateValue", state, "StateReason", "no reason");
	}

	private static RecordingHttpClient answering(List<Map<String, String>> metricAlarms,
			List<Map<String, String>> compositeAlarms) {
		return new RecordingHttpClient((request) -> CannedResponse
			.cbor(Map.of("MetricAlarms", metricAlarms, "CompositeAlarms", compositeAlarms)));
	}

	private static AlarmSignals signals(RecordingHttpClient http, String... names) {
		return new AlarmSignals(TestClients.over(http).cloudWatch(), List.of(names));
	}

}
