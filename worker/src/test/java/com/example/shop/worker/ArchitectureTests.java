package com.example.shop.worker;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.awspring.cloud.sqs.annotation.SqsListener;
import org.jspecify.annotations.NullMarked;

import org.springframework.stereotype.Repository;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The worker tier's layout, as docs/architecture.md and STYLE.md describe it: packages by
 * feature, and the same flow as the web tier's, listener (SQS only) → service (the work)
 * → repository (in core).
 */
@AnalyzeClasses(packages = "com.example.shop.worker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	private static final DescribedPredicate<JavaClass> LISTENERS = DescribedPredicate.describe(
			"have an @SqsListener method",
			(javaClass) -> javaClass.getMethods()
				.stream()
				.anyMatch((method) -> method.isAnnotatedWith(SqsListener.class)));

	private static final DescribedPredicate<JavaClass> REPOSITORIES = simpleNameEndingWith("Repository")
		.or(annotatedWith(Repository.class))
		.or(resideInAnyPackage("org.springframework.jdbc..", "javax.sql.."))
		.as("are repositories or JDBC");

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("com.example.shop.worker.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule workerNeverDependsOnTheWeb = noClasses().should()
		.dependOnClassesThat()
		.resideInAPackage("com.example.shop.web..")
		.because("the tiers share only core, so each deploys on its own");

	@ArchTest
	static final ArchRule listenersDoNotTouchRepositories = noClasses().that(LISTENERS)
		.should()
		.dependOnClassesThat(REPOSITORIES)
		.because("a listener speaks SQS only; the work and its transaction are in a service");

	@ArchTest
	static final ArchRule packagesAreFeaturesNotLayers = noClasses().should()
		.resideInAnyPackage("..controller..", "..controllers..", "..service..", "..services..", "..repository..",
				"..repositories..")
		.because("packages are by feature: a reader finds the receipts in one folder");

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
