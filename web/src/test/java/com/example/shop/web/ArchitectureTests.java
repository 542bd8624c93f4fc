package com.example.shop.web;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import com.tngtech.archunit.lang.conditions.ArchPredicates;
import org.jspecify.annotations.NullMarked;

import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The web tier's layout, as docs/architecture.md and STYLE.md describe it: packages by
 * feature, and one flow per request, controller (HTTP only) → service (the transaction) →
 * repository (in core). Core's classes are not imported, but a dependency on one of them
 * is still seen, with its name and annotations.
 */
@AnalyzeClasses(packages = "com.example.shop.web", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	private static final DescribedPredicate<JavaClass> CONTROLLERS = annotatedWith(RestController.class)
		.or(annotatedWith(Controller.class))
		.<JavaClass>forSubtype()
		.as("are controllers");

	private static final DescribedPredicate<JavaClass> REPOSITORIES = simpleNameEndingWith("Repository")
		.or(annotatedWith(Repository.class))
		.or(resideInAnyPackage("org.springframework.jdbc..", "javax.sql.."))
		.as("are repositories or JDBC");

	private static final DescribedPredicate<JavaClass> CORE_DOMAIN = resideInAnyPackage("com.example.shop.catalog..",
			"com.example.shop.orders..", "com.example.shop.outbox..")
		.as("are in core's domain");

	private static final DescribedPredicate<JavaClass> SERVICES = annotatedWith(Service.class).<JavaClass>forSubtype()
		.as("are services");

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("com.example.shop.web.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule webNeverDependsOnTheWorker = noClasses().should()
		.dependOnClassesThat()
		.resideInAPackage("com.example.shop.worker..")
		.because("the tiers share only core, so each deploys on its own");

	@ArchTest
	static final ArchRule controllersDoNotTouchRepositories = noClasses().that(CONTROLLERS)
		.should()
		.dependOnClassesThat(REPOSITORIES)
		.because("a controller speaks HTTP only; the transaction is in a service");

	@ArchTest
	static final ArchRule controllersReachTheDomainThroughServices = classes().that(CONTROLLERS)
		.and(ArchPredicates.have(aDependencyOnClassesThat(CORE_DOMAIN)))
		.should(ArchConditions.have(aDependencyOnClassesThat(SERVICES)))
		.because("the work behind an endpoint, and its transaction, is in a service");

	@ArchTest
	static final ArchRule packagesAreFeaturesNotLayers = noClasses().should()
		.resideInAnyPackage("..controller..", "..controllers..", "..service..", "..services..", "..repository..",
				"..repositories..")
		.because("packages are by feature: a reader finds the orders in one folder");

	@ArchTest
	static final ArchRule classesAreNamedByTheirRole = noClasses().should()
		.haveNameMatching(".*(Impl|Utils?|Manager|Helper)")
		.because("a class is named by what it does");

	@ArchTest
	static final ArchRule packagesAreNullMarked = classes().should(be(inANullMarkedPackage()));

	/**
	 * Whether a class depends on at least one class that matches. As a condition it names
	 * the class that breaks the rule, where ArchUnit's own {@code dependOnClassesThat}
	 * would list every dependency of it that does not match.
	 */
	static DescribedPredicate<JavaClass> aDependencyOnClassesThat(DescribedPredicate<JavaClass> targets) {
		return DescribedPredicate.describe("a dependency on classes that " + targets.getDescription(),
				(javaClass) -> javaClass.getDirectDependenciesFromSelf()
					.stream()
					.anyMatch((dependency) -> targets.test(dependency.getTargetClass())));
	}

	static DescribedPredicate<JavaClass> inANullMarkedPackage() {
		return DescribedPredicate.describe("in a package whose package-info is @NullMarked",
				(javaClass) -> javaClass.getPackage().isAnnotatedWith(NullMarked.class));
	}

}
