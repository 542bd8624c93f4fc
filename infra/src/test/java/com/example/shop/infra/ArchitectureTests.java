package com.example.shop.infra;

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
 * The CDK app's layout: one package per concern (network, data, web, worker, instances,
 * observability, faults), each depending on the ones it builds on and never back. This
 * package is the app itself and its settings, which every concern reads.
 */
@AnalyzeClasses(packages = "com.example.shop.infra", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("com.example.shop.infra.(*)..")
		.should()
		.beFreeOfCycles()
		.because("each concern builds on the ones below it and never back");

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
