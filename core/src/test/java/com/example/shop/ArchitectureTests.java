package com.example.shop;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.jspecify.annotations.NullMarked;

import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Core's layout, as docs/architecture.md and STYLE.md describe it: what both tiers share,
 * so it knows neither of them. Only core's own production classes are imported:
 * test-support's classes share the {@code com.example.shop} prefix on this class path but
 * are not core.
 */
@AnalyzeClasses(packages = "com.example.shop",
		importOptions = { ImportOption.DoNotIncludeTests.class, ArchitectureTests.DoNotIncludeTestSupport.class })
class ArchitectureTests {

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("com.example.shop.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule coreDependsOnNeitherTier = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.example.shop.web..", "com.example.shop.worker..")
		.because("both tiers share the domain, the schema and the message contract through core");

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

	static DescribedPredicate<JavaClass> inANullMarkedPackage() {
		return DescribedPredicate.describe("in a package whose package-info is @NullMarked",
				(javaClass) -> javaClass.getPackage().isAnnotatedWith(NullMarked.class));
	}

	/** Leaves out test-support, which is on core's test class path. */
	static final class DoNotIncludeTestSupport implements ImportOption {

		@Override
		public boolean includes(Location location) {
			return !location.contains("/com/example/shop/testsupport/");
		}

	}

}
