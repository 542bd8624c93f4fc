package com.example.shop.deploy.aws;

import com.example.shop.deploy.Colour;
import com.example.shop.deploy.TargetHealth;
import com.example.shop.deploy.Weights;
import org.junit.jupiter.api.Test;

import static com.example.shop.deploy.aws.TestClients.STACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AlbRouterTests {

	private static final String ELB = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

	@Test
	void readsTheListenersWeightsAsPercentOfTheirSum() {
		RecordingHttpClient http = answering(listener(9, 1));

		Weights weights = router(http).weights();

		assertThat(weights).isEqualTo(new Weights(90, 10));
		assertThat(http.requests().getFirst().form()).containsEntry("Action", "DescribeListeners")
			.containsEntry("ListenerArns.member.1", STACK.listenerArn());
	}

	@Test
	void neverReadsASmallWeightAsNoTraffic() {
		RecordingHttpClient http = answering(listener(999, 1));

		Weights weights = router(http).weights();

		assertThat(weights).isEqualTo(new Weights(99, 1));
		assertThat(weights.live()).isEmpty();
	}

	@Test
	void routesByRewritingTheForwardWithBothTargetGroupsAndNoStickiness() {
		RecordingHttpClient http = answering("<ModifyListenerResponse xmlns=\"" + ELB
				+ "\"><ModifyListenerResult><Listeners/></ModifyListenerResult>" + "</ModifyListenerResponse>");

		router(http).route(new Weights(90, 10));

		String action = "DefaultActions.member.1.";
		assertThat(http.requests().getFirst().form()).containsEntry("Action", "ModifyListener")
			.containsEntry("ListenerArn", STACK.listenerArn())
			.containsEntry(action + "Type", "forward")
			.containsEntry(action + "ForwardConfig.TargetGroups.member.1.TargetGroupArn", STACK.blueTargetGroupArn())
			.containsEntry(action + "ForwardConfig.TargetGroups.member.1.Weight", "90")
			.containsEntry(action + "ForwardConfig.TargetGroups.member.2.TargetGroupArn", STACK.greenTargetGroupArn())
			.containsEntry(action + "ForwardConfig.TargetGroups.member.2.Weight", "10")
			.containsEntry(action + "ForwardConfig.TargetGroupStickinessConfig.Enabled", "false")
			.doesNotContainKey("DefaultActions.member.2.Type");
	}

	@Test
	void countsHealthyTargetsAndLeavesDrainingOnesOut() {
		RecordingHttpClient http = answering(
				"""
						<DescribeTargetHealthResponse xmlns="%s">
						  <DescribeTargetHealthResult>
						    <TargetHealthDescriptions>
						      <member><Target><Id>i-01</Id><Port>8080</Port></Target><TargetHealth><State>healthy</State></TargetHealth></member>
						      <member><Target><Id>i-02</Id><Port>8080</Port></Target><TargetHealth><State>healthy</State></TargetHealth></member>
						      <member><Target><Id>i-03</Id><Port>8080</Port></Target><TargetHealth><State>initial</State>
						        <Reason>Elb.RegistrationInProgress</Reason></TargetHealth></member>
						      <member><Target><Id>i-04</Id><Port>8080</Port></Target><TargetHealth><State>unhealthy</State>
						        <Reason>Target.ResponseCodeMismatch</Reason></TargetHealth></member>
						      <member><Target><Id>i-05</Id><Port>8080</Port></Target><TargetHealth><State>draining</State>
						        <Reason>Target.DeregistrationInProgress</Reason></TargetHealth></member>
						    </TargetHealthDescriptions>
						  </DescribeTargetHealthResult>
						  <ResponseMetadata><RequestId>7f2b</RequestId></ResponseMetadata>
						</DescribeTargetHealthResponse>
						"""
					.formatted(ELB));

		TargetHealth health = router(http).health(Colour.GREEN);

		assertThat(health).isEqualTo(new TargetHealth(2, 4));
		assertThat(http.requests().getFirst().form()).containsEntry("Action", "DescribeTargetHealth")
			.containsEntry("TargetGroupArn", STACK.greenTargetGroupArn());
	}

	@Test
	void refusesAListenerThatForwardsToAThirdTargetGroup() {
		RecordingHttpClient http = answering(
				listener(STACK.blueTargetGroupArn(), 1, "arn:aws:…:targetgroup/other/1", 1));

		assertThatIllegalStateException().isThrownBy(() -> router(http).weights())
			.withMessageContaining("targetgroup/other/1, which is neither the blue nor the green target group");
	}

	private static String listener(int blueWeight, int greenWeight) {
		return listener(STACK.blueTargetGroupArn(), blueWeight, STACK.greenTargetGroupArn(), greenWeight);
	}

	private static String listener(String firstArn, int firstWeight, String secondArn, int secondWeight) {
		return """
				<DescribeListenersResponse xmlns="%s">
				  <DescribeListenersResult>
				    <Listeners>
				      <member>
				        <ListenerArn>%s</ListenerArn>
				        <Port>443</Port>
				        <Protocol>HTTPS</Protocol>
				        <DefaultActions>
				          <member>
				            <Type>forward</Type>
				            <ForwardConfig>
				              <TargetGroups>
				                <member><TargetGroupArn>%s</TargetGroupArn><Weight>%d</Weight></member>
				                <member><TargetGroupArn>%s</TargetGroupArn><Weight>%d</Weight></member>
				              </TargetGroups>
				              <TargetGroupStickinessConfig><Enabled>false</Enabled></TargetGroupStickinessConfig>
				            </ForwardConfig>
				          </member>
				        </DefaultActions>
				      </member>
				    </Listeners>
				  </DescribeListenersResult>
				  <ResponseMetadata><RequestId>5c0e</RequestId></ResponseMetadata>
				</DescribeListenersResponse>
				""".formatted(ELB, STACK.listenerArn(), firstArn, firstWeight, secondArn, secondWeight);
	}

	private static RecordingHttpClient answering(String xml) {
		return new RecordingHttpClient((request) -> CannedResponse.xml(xml));
	}

	private static AlbRouter router(RecordingHttpClient http) {
		return new AlbRouter(TestClients.over(http).elb(), STACK);
	}

}
