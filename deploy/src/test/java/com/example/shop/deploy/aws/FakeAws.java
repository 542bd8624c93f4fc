package com.example.shop.deploy.aws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.example.shop.deploy.Colour;

import static com.example.shop.deploy.aws.TestClients.STACK;

/**
 * A little account behind the recording HTTP client: the stacks' outputs, a listener
 * whose weights {@code ModifyListener} changes, one group per colour whose new instances
 * pass their checks from the {@value #READS_UNTIL_HEALTHY}rd {@code DescribeTargetHealth}
 * after a launch, launch template versions, and deploy alarms, one of which can be made
 * to fire once green takes a given share. Each request is also kept as one line
 * ({@link #calls()}) built from its marshalled parameters.
 */
final class FakeAws {

	static final int READS_UNTIL_HEALTHY = 3;

	private static final String ELB = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

	private static final String AUTO_SCALING = "http://autoscaling.amazonaws.com/doc/2011-01-01/";

	final Map<Colour, Integer> weights = new HashMap<>(Map.of(Colour.BLUE, 100, Colour.GREEN, 0));

	final Map<Colour, Group> groups = new HashMap<>(
			Map.of(Colour.BLUE, new Group(2, 3, "ami-0blue000000000000"), Colour.GREEN, new Group(0, 3, "")));

	final Map<String, String> alarms = new LinkedHashMap<>();

	final Map<String, String> webOutputs = new LinkedHashMap<>(Map.of("ListenerArn", STACK.listenerArn(),
			"BlueTargetGroupArn", STACK.blueTargetGroupArn(), "GreenTargetGroupArn", STACK.greenTargetGroupArn(),
			"BlueGroupName", STACK.blueGroupName(), "GreenGroupName", STACK.greenGroupName()));

	private final List<String> calls = new ArrayList<>();

	private final RecordingHttpClient http = new RecordingHttpClient(this::answer);

	private int fireAtGreenPercent = Integer.MAX_VALUE;

	FakeAws() {
		STACK.deployAlarmNames().forEach((name) -> this.alarms.put(name, "OK"));
	}

	/** The one {@code Orders-Web-5xx} alarm goes to ALARM once green gets this share. */
	void alarmFiresWhenGreenGets(int percent) {
		this.fireAtGreenPercent = percent;
	}

	AwsClients clients() {
		return TestClients.over(this.http);
	}

	List<String> calls() {
		return List.copyOf(this.calls);
	}

	private CannedResponse answer(RecordedRequest request) {
		String action = request.action();
		Map<String, String> form = (action.equals("DescribeAlarms")) ? Map.of() : request.form();
		return switch (action) {
			case "DescribeStacks" -> describeStacks(form.get("StackName"));
			case "DescribeListeners" -> xml(action, ELB, listener());
			case "ModifyListener" -> modifyListener(form);
			case "DescribeTargetHealth" -> describeTargetHealth(form.get("TargetGroupArn"));
			case "DescribeAutoScalingGroups" -> describeGroup(form.get("AutoScalingGroupNames.member.1"));
			case "CreateLaunchTemplateVersion" -> createVersion(form);
			case "UpdateAutoScalingGroup" -> updateGroup(form);
			case "DescribeAlarms" -> describeAlarms();
			default -> throw new IllegalArgumentException("unexpected " + action);
		};
	}

	private CannedResponse describeStacks(String name) {
		this.calls.add("DescribeStacks " + name);
		Map<String, String> outputs = name.endsWith("-Web") ? this.webOutputs
				: Map.of("DeployAlarmNames", String.join(",", this.alarms.keySet()));
		String members = outputs.entrySet()
			.stream()
			.map((output) -> "<member><OutputKey>" + output.getKey() + "</OutputKey><OutputValue>" + output.getValue()
					+ "</OutputValue></member>")
			.collect(Collectors.joining());
		return xml("DescribeStacks", "http://cloudformation.amazonaws.com/doc/2010-05-15/",
				"<Stacks><member><StackName>" + name + "</StackName><Outputs>" + members
						+ "</Outputs></member></Stacks>");
	}

	private String listener() {
		this.calls.add("DescribeListeners");
		return "<Listeners><member><ListenerArn>" + STACK.listenerArn() + "</ListenerArn><DefaultActions><member>"
				+ "<Type>forward</Type><ForwardConfig><TargetGroups>" + tuple(Colour.BLUE) + tuple(Colour.GREEN)
				+ "</TargetGroups></ForwardConfig></member></DefaultActions></member></Listeners>";
	}

	private String tuple(Colour colour) {
		return "<member><TargetGroupArn>" + STACK.targetGroupArn(colour) + "</TargetGroupArn><Weight>"
				+ this.weights.get(colour) + "</Weight></member>";
	}

	private CannedResponse modifyListener(Map<String, String> form) {
		String tuples = "DefaultActions.member.1.ForwardConfig.TargetGroups.member.";
		for (int i = 1; i <= 2; i++) {
			Colour colour = colourOfTargetGroup(form.get(tuples + i + ".TargetGroupArn"));
			this.weights.put(colour, Integer.parseInt(form.get(tuples + i + ".Weight")));
		}
		this.calls
			.add("ModifyListener blue=" + this.weights.get(Colour.BLUE) + " green=" + this.weights.get(Colour.GREEN));
		if (this.weights.get(Colour.GREEN) >= this.fireAtGreenPercent) {
			this.alarms.put("Orders-Web-5xx", "ALARM");
		}
		return xml("ModifyListener", ELB, "<Listeners/>");
	}

	private CannedResponse describeTargetHealth(String targetGroupArn) {
		Colour colour = colourOfTargetGroup(targetGroupArn);
		this.calls.add("DescribeTargetHealth " + colour);
		Group group = this.groups.get(colour);
		String state = (++group.readsSinceLaunch >= READS_UNTIL_HEALTHY) ? "healthy" : "initial";
		String targets = IntStream.range(0, group.desired)
			.mapToObj((i) -> "<member><Target><Id>i-0" + colour + i + "</Id><Port>8080</Port></Target>"
					+ "<TargetHealth><State>" + state + "</State></TargetHealth></member>")
			.collect(Collectors.joining());
		return xml("DescribeTargetHealth", ELB, "<TargetHealthDescriptions>" + targets + "</TargetHealthDescriptions>");
	}

	private CannedResponse describeGroup(String name) {
		Colour colour = colourOfGroup(name);
		this.calls.add("DescribeAutoScalingGroups " + colour);
		Group group = this.groups.get(colour);
		return xml("DescribeAutoScalingGroups", AUTO_SCALING, "<AutoScalingGroups><member><AutoScalingGroupName>" + name
				+ "</AutoScalingGroupName><LaunchTemplate><LaunchTemplateId>lt-0" + colour
				+ "</LaunchTemplateId><Version>" + group.templateVersion + "</Version></LaunchTemplate><MinSize>"
				+ group.min + "</MinSize><MaxSize>6</MaxSize><DesiredCapacity>" + group.desired
				+ "</DesiredCapacity></member></AutoScalingGroups>");
	}

	private CannedResponse createVersion(Map<String, String> form) {
		Colour colour = Colour.of(form.get("LaunchTemplateId").substring("lt-0".length()));
		Group group = this.groups.get(colour);
		int version = group.latestVersion + 1;
		group.latestVersion = version;
		group.imageOfVersion.put(version, form.get("LaunchTemplateData.ImageId"));
		this.calls.add("CreateLaunchTemplateVersion lt-0" + colour + " from " + form.get("SourceVersion") + " "
				+ form.get("LaunchTemplateData.ImageId"));
		return CannedResponse
			.xml("<CreateLaunchTemplateVersionResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
					+ "<requestId>r</requestId><launchTemplateVersion><launchTemplateId>lt-0" + colour
					+ "</launchTemplateId><versionNumber>" + version + "</versionNumber></launchTemplateVersion>"
					+ "</CreateLaunchTemplateVersionResponse>");
	}

	private CannedResponse updateGroup(Map<String, String> form) {
		Colour colour = colourOfGroup(form.get("AutoScalingGroupName"));
		Group group = this.groups.get(colour);
		StringBuilder call = new StringBuilder("UpdateAutoScalingGroup " + colour);
		if (form.containsKey("LaunchTemplate.Version")) {
			group.templateVersion = Integer.parseInt(form.get("LaunchTemplate.Version"));
			call.append(" version=").append(group.templateVersion);
		}
		group.min = Integer.parseInt(form.get("MinSize"));
		group.desired = Integer.parseInt(form.get("DesiredCapacity"));
		group.readsSinceLaunch = 0;
		call.append(" min=").append(group.min).append(" desired=").append(group.desired);
		if (form.containsKey("MaxSize")) {
			call.append(" max=").append(form.get("MaxSize"));
		}
		this.calls.add(call.toString());
		return xml("UpdateAutoScalingGroup", AUTO_SCALING, "");
	}

	private CannedResponse describeAlarms() {
		this.calls.add("DescribeAlarms");
		List<Map<String, String>> metricAlarms = this.alarms.entrySet()
			.stream()
			.map((alarm) -> Map.of("AlarmName", alarm.getKey(), "StateValue", alarm.getValue(), "StateReason",
					alarm.getValue().equals("ALARM") ? "Threshold Crossed: 5xx above 1 %" : "Threshold not crossed"))
			.toList();
		return CannedResponse.cbor(Map.of("MetricAlarms", metricAlarms, "CompositeAlarms", List.of()));
	}

	private static Colour colourOfTargetGroup(String arn) {
		return arn.equals(STACK.blueTargetGroupArn()) ? Colour.BLUE : Colour.GREEN;
	}

	private static Colour colourOfGroup(String name) {
		return name.equals(STACK.blueGroupName()) ? Colour.BLUE : Colour.GREEN;
	}

	private static CannedResponse xml(String action, String namespace, String result) {
		String body = !result.isEmpty() ? "<" + action + "Result>" + result + "</" + action + "Result>" : "";
		return CannedResponse.xml("<" + action + "Response xmlns=\"" + namespace + "\">" + body
				+ "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></" + action + "Response>");
	}

	/** One colour's Auto Scaling group and its launch template. */
	static final class Group {

		int desired;

		int min;

		int templateVersion;

		int latestVersion;

		int readsSinceLaunch = READS_UNTIL_HEALTHY;

		final Map<Integer, String> imageOfVersion = new HashMap<>();

		Group(int desired, int templateVersion, String image) {
			this.desired = desired;
			this.min = desired;
			this.templateVersion = templateVersion;
			this.latestVersion = templateVersion;
			this.imageOfVersion.put(templateVersion, image);
		}

		String image() {
			return this.imageOfVersion.get(this.templateVersion);
		}

	}

}
