package io.jifen.admin;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The map of admin-api (docs/architecture.md) as rules: packages by feature, each depending only on
 * the features below it, no cycles anywhere, and resources that leave persistence to their feature's
 * services. The order below is the one docs/architecture.md draws; change both together.
 */
class AdminApiPackagesTest {
    private static final String ADMIN = "io.jifen.admin";

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ADMIN);

    /**
     * Bottom first. A feature may use the features on the rows below its own, never one on its own
     * row or above: peers on one row know nothing of each other.
     */
    private static final List<List<String>> FEATURES_BOTTOM_UP = List.of(
            List.of("config", "shared"),
            List.of("problem"),
            List.of("security"),
            List.of("merchant"),
            List.of("ruleset", "webhook"),
            List.of("suite", "member", "campaign"),
            List.of("ledger"),
            List.of("transaction"),
            List.of("redemption", "simulation"),
            List.of("seeding", "health", "console"));

    /** The mall inside redemption, bottom first; the package itself (its HTTP surface) is on top. */
    private static final List<String> MALL_BOTTOM_UP = List.of("catalog", "pricing", "order");

    @Test
    void everyFeatureDependsOnlyOnTheFeaturesBelowIt() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitectureIgnoring(ADMIN); // JifenApi: the OpenAPI header, no code
        for (List<String> row : FEATURES_BOTTOM_UP) {
            for (String feature : row) {
                layers = layers.layer(feature).definedBy(ADMIN + "." + feature + "..");
            }
        }
        List<String> below = new ArrayList<>();
        for (List<String> row : FEATURES_BOTTOM_UP) {
            for (String feature : row) {
                layers = below.isEmpty() ? layers.whereLayer(feature).mayNotAccessAnyLayer()
                        : layers.whereLayer(feature).mayOnlyAccessLayers(below.toArray(String[]::new));
            }
            below.addAll(row);
        }
        layers.check(SERVICE);
    }

    @Test
    void noTwoFeaturesDependOnEachOther() {
        slices().matching(ADMIN + ".(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    /** Sub-packages too: a feature's package and its own sub-packages form no cycle either. */
    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching(ADMIN + ".(**)").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void theMallIsBuiltFromCatalogThroughPricingToOrdersWithItsHttpSurfaceOnTop() {
        String mall = ADMIN + ".redemption";
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("surface").definedBy(mall);
        for (String part : MALL_BOTTOM_UP) {
            layers = layers.layer(part).definedBy(mall + "." + part + "..");
        }
        layers = layers.whereLayer("surface").mayNotBeAccessedByAnyLayer();
        for (int i = 0; i < MALL_BOTTOM_UP.size(); i++) {
            String part = MALL_BOTTOM_UP.get(i);
            layers = i == 0 ? layers.whereLayer(part).mayNotAccessAnyLayer()
                    : layers.whereLayer(part).mayOnlyAccessLayers(MALL_BOTTOM_UP.subList(0, i).toArray(String[]::new));
        }
        layers.check(SERVICE);
    }

    /** The engine's façade (LoyaltyEngine, CompiledProgram, the facts) is all the service sees of rules. */
    @Test
    void droolsStaysBehindTheEngine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..").check(SERVICE);
    }

    @Test
    void resourcesLeaveEntityManagersAndQueriesToTheirFeaturesServices() {
        noClasses().that().haveSimpleNameEndingWith("Resource").or().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.persistence..", "io.quarkus.hibernate..", "org.hibernate..")
                .check(SERVICE);
    }

    /**
     * Reading an entity's fields (a resolved merchant's id) is fine; finding, listing, counting,
     * persisting or deleting entities is the services' work. Panache's finders are static methods
     * inherited by the entity, so the call names the entity, not Panache: the rule above misses them.
     */
    @Test
    void resourcesNeitherFindNorWriteEntitiesThemselves() {
        noClasses().that().haveSimpleNameEndingWith("Resource").or().areAnnotatedWith(Path.class)
                .should().callMethodWhere(A_FINDER_OR_WRITE_ON_AN_ENTITY)
                .check(SERVICE);
    }

    private static final DescribedPredicate<JavaMethodCall> A_FINDER_OR_WRITE_ON_AN_ENTITY =
            new DescribedPredicate<>("a static finder or a persistence method of an entity") {
                @Override
                public boolean test(JavaMethodCall call) {
                    if (!isEntity(call.getTargetOwner())) {
                        return false;
                    }
                    Optional<JavaMethod> method = call.getTarget().resolveMember();
                    // unresolved: a method the importer cannot see, which on an entity is Panache's
                    return method.isEmpty() || method.get().getModifiers().contains(JavaModifier.STATIC)
                            || method.get().getOwner().getPackageName().startsWith("io.quarkus.hibernate");
                }
            };

    private static boolean isEntity(JavaClass type) {
        return type.isAnnotatedWith(Entity.class) || type.isAssignableTo(PanacheEntityBase.class);
    }
}
