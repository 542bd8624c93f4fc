package com.example.shop.deploy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.jspecify.annotations.NullMarked;

import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The deploy controller's layout, as STYLE.md describes it: ports and adapters without a
 * framework. The state machine and its ports ({@link TrafficRouter}, {@link Fleet},
 * {@link HealthSignals}) are plain Java in this package, so the ALB adapters here and the
 * lab's HAProxy adapter plug into the same code; the AWS SDK and picocli stay in the
 * adapters' package.
 */
@AnalyzeClasses(packages = "com.example.shop.deploy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/**
	 * Every package is a slice here, this one included: the state machine and its
	 * adapters.
	 */
	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = slices().matching("com.example.shop.(**)")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule stateMachineKnowsNoAdapterAndNoFramework = classes().that()
		.resideInAPackage("com.example.shop.deploy")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("com.example.shop.deploy", "java..", "org.jspecify..")
		.because("the ALB and the lab's HAProxy drive the same state machine through its ports");

	@ArchTest
	static final ArchRule packagesAreFeaturesNotLayers = noClasses().should()
		.resideInAnyPackage("..controller..", "..controllers..", "..service..", "..services..", "..repository..",
				"..repositories..")
		.because("packages are by feature, not by layer");

	@ArchTest
	static final ArchRule classesAreNamedByTheirRole = noClasses().should()
		.haveNameMatching(".*(Impl|Utils?|Manager|Helper)")
		.because("a class is named by what it does");

	@ArchTest
	static final ArchRule packagesAreNullMarked = classes().should(be(inANullMarkedPackage()));

	static DescribedPredicate<JavaClass> inANullMarkedPackage() {
		return DescribedPredicate.describe("in a package whose package-info is @NullMarked",
				(javaClass) -> javaClass.getPackage().isAnnotatedWith(NullMarked.class));
	}

}
