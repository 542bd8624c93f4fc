package com.example.shop.lab;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import picocli.CommandLine.Command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The lab's layout, as {@code docs/architecture.md} draws it, checked against the
 * compiled classes: feature packages without cycles, each layer using only the ones below
 * it, commands on top of the services they call, one probe that reads the running system
 * and one package that starts processes.
 */
@AnalyzeClasses(packages = "com.example.shop.lab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	private static final String LAB = "com.example.shop.lab";

	@ArchTest
	static final ArchRule featurePackagesHaveNoCycles = slices().matching(LAB + ".(**)").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule eachLayerUsesOnlyTheOnesBelow = layeredArchitecture()
		.consideringOnlyDependenciesInAnyPackage(LAB + "..")
		.layer("Command line")
		.definedBy(LAB)
		.layer("Game days")
		.definedBy(LAB + ".gameday..")
		.layer("Faults, backups, deployments, bench")
		.definedBy(LAB + ".faults..", LAB + ".backup..", LAB + ".deploy..", LAB + ".bench..")
		.layer("Load")
		.definedBy(LAB + ".load..")
		.layer("Fleet")
		.definedBy(LAB + ".fleet..")
		.layer("Probe")
		.definedBy(LAB + ".probe..")
		.layer("Stand-ins")
		.definedBy(LAB + ".standins..", LAB + ".servers..")
		.layer("Processes")
		.definedBy(LAB + ".process..")
		.layer("Host")
		.definedBy(LAB + ".host..")
		.layer("Options")
		.definedBy(LAB + ".cli..")
		.whereLayer("Command line")
		.mayNotBeAccessedByAnyLayer()
		.whereLayer("Game days")
		.mayOnlyBeAccessedByLayers("Command line")
		.whereLayer("Faults, backups, deployments, bench")
		.mayOnlyBeAccessedByLayers("Command line", "Game days")
		.whereLayer("Load")
		.mayOnlyBeAccessedByLayers("Command line", "Game days", "Faults, backups, deployments, bench")
		.whereLayer("Fleet")
		.mayOnlyBeAccessedByLayers("Command line", "Game days", "Faults, backups, deployments, bench", "Load")
		.whereLayer("Probe")
		.mayOnlyBeAccessedByLayers("Command line", "Game days", "Faults, backups, deployments, bench", "Load", "Fleet")
		.whereLayer("Stand-ins")
		.mayOnlyBeAccessedByLayers("Command line", "Game days", "Faults, backups, deployments, bench", "Load", "Fleet",
				"Probe")
		.whereLayer("Processes")
		.mayOnlyBeAccessedByLayers("Command line", "Game days", "Faults, backups, deployments, bench", "Load", "Fleet",
				"Probe", "Stand-ins")
		.whereLayer("Options")
		.mayOnlyBeAccessedByLayers("Command line", "Game days", "Faults, backups, deployments, bench", "Load", "Fleet");

	@ArchTest
	static final ArchRule servicesNeverDependOnCommands = noClasses().that()
		.areNotAnnotatedWith(Command.class)
		.and()
		.resideOutsideOfPackage(LAB)
		.should()
		.dependOnClassesThat()
		.areAnnotatedWith(Command.class)
		.because("a command reads its options and calls a service; the service does not know who called it");

	@ArchTest
	static final ArchRule onlyTheProbeTalksJdbc = noClasses().that()
		.resideOutsideOfPackage(LAB + ".probe..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("java.sql..")
		.because("the probe is the one place that reads the running system's database");

	@ArchTest
	static final ArchRule onlyTheProbeAndTheStandInsTalkToSqsAndS3 = noClasses().that()
		.resideOutsideOfPackages(LAB + ".probe..", LAB + ".standins..", LAB + ".servers..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("software.amazon.awssdk.services.sqs..", "software.amazon.awssdk.services.s3..")
		.because("the probe reads SQS and S3; the stand-ins act on them; nothing else holds a client");

	@ArchTest
	static final ArchRule onlyTheProcessPackageStartsProcesses = noClasses().that()
		.resideOutsideOfPackages(LAB + ".process..", LAB + ".servers..")
		.should()
		.dependOnClassesThat()
		.areAssignableTo(ProcessBuilder.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(Process.class)
		.orShould()
		.callMethod(Runtime.class, "addShutdownHook", Thread.class)
		.because("one API starts, detaches, stops, kills and reaps the lab's processes (the servers are "
				+ "processes of their own, each closing itself on exit)");

}
