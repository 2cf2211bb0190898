package io.jifen.admin.console;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;

import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The Edit page in a real browser against the real service: a draft from the live version, the
 * member-day rule changed in the code editor, a typo shown at its line and in the problems list,
 * fixed, saved as a new version (checked through the API); completion of the vocabulary's
 * sentences; a CSV decision table edited in the grid and an XLSX shown as a grid, replaced by an
 * upload whose problem is marked at its cell; Chinese labels; and no Edit page for QA.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditPageBrowserTest extends ConsoleBrowser {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A merchant running the reference program as version 1. */
    @Override
    protected Shop seed() {
        Shop shop = newShop("editor");
        int v1 = upload(shop, "reference program", f -> f);
        activateNow(shop, v1);
        return shop;
    }

    private void openEditorWithADraftOfTheLiveVersion() {
        openEditorWithADraftOfTheLiveVersion(null);
    }

    /** Signs in as marketing, opens Edit and starts a draft from the live version (a screenshot of the start when named). */
    private void openEditorWithADraftOfTheLiveVersion(String startScreenshot) {
        signIn(shop.marketing());
        expect(testId("live-version")).hasText("Version 1");
        testId("nav-edit").click();
        expect(heading("Edit rules")).isVisible();
        expect(field("Start from")).hasValue("1"); // the live version is the default
        if (startScreenshot != null) {
            screenshot(startScreenshot);
        }
        button("Start draft").click();
        expect(testId("file-list").getByRole(AriaRole.BUTTON)).hasCount(ReferenceProgram.RULE_FILES.size());
    }

    @Test
    void marketingChangesTheMemberDayRuleSeesATypoAtItsLineFixesItAndSavesANewVersion() {
        int next = as(shop.qa()).get(shop.path("/rule-versions")).then().statusCode(200)
                .extract().jsonPath().getList("items.number").size() + 1;
        openEditorWithADraftOfTheLiveVersion("edit-start");
        button("member-day.dslr").click();
        expect(testId("current-file")).hasText("member-day.dslr");
        expect(compileStatus()).hasText("Compiles cleanly · 32 rules", compiled());
        expect(testId("vocabulary-note")).containsText("the shipped loyalty.dsl");

        // double → triple points
        replaceLine("Multiply the base points by 2",
                "Multiply the base points by 3 as a MEMBER_DAY multiplier, because member day earns triple points");
        expect(compileStatus()).hasText("Compiles cleanly · 32 rules", compiled());

        // a typo: at its line in the editor (gutter marker, underline, message) and in the list
        replaceLine("Today is day 10 of the month", "Today is dya 10 of the month");
        String message = "no sentence of the vocabulary matches: Today is dya 10 of the month";
        expect(compileStatus()).containsText("1 problem(s) · ", compiledContains());
        expect(testId("problems")).containsText("member-day.dslr:16");
        expect(testId("problems")).containsText(message);
        expect(page.locator("[data-testid=inline-problem][data-line='16']")).hasText(message);
        expect(page.locator(".cm-lint-marker-error")).hasCount(1);
        expect(page.locator(".cm-lintRange-error")).containsText("Today is dya 10 of the month");
        expect(testId("file-list").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(
                Pattern.compile("member-day\\.dslr")))).containsText("1");
        screenshot("edit-diagnostic");

        // the problem list jumps to the line, by keyboard
        testId("problems").getByRole(AriaRole.BUTTON).first().focus();
        page.keyboard().press("Enter");
        expect(page.locator(".cm-content")).isFocused();
        expect(page.locator(".cm-activeLine")).hasText("    Today is dya 10 of the month");

        // a refused save shows the problem at its line too
        field("Message").fill("member day earns triple points");
        button("Save version").click();
        expect(testId("problem")).containsText("The request was refused");
        expect(testId("problem")).containsText("member-day.dslr:16");
        expect(testId("problems")).containsText("member-day.dslr:16");

        replaceLine("Today is dya 10 of the month", "Today is day 10 of the month");
        expect(compileStatus()).hasText("Compiles cleanly · 32 rules", compiled());
        expect(testId("no-problems")).hasText("No problems.");
        expect(page.locator("[data-testid=inline-problem]")).hasCount(0);

        // the working copy survives a reload
        page.reload();
        expect(heading("Edit rules")).isVisible();
        expect(testId("draft-bar")).containsText("Draft from version 1");
        expect(codeLine("Multiply the base points by 3")).isVisible();
        expect(compileStatus()).hasText("Compiles cleanly · 32 rules", compiled());

        field("Message").fill("member day earns triple points");
        button("Save version").click();
        expect(testId("saved")).containsText("Saved as version " + next + ".");
        expect(testId("link-compare")).hasAttribute("href", "#/compare?a=1&b=" + next);
        expect(testId("link-test")).hasAttribute("href", "#/test?version=" + next);
        expect(testId("link-release")).hasAttribute("href", "#/release?version=" + next);
        expect(testId("draft-bar")).containsText("Draft from version " + next);
        expect(testId("same-as")).containsText("same files as version " + next, compiledContains());
        screenshot("edit-saved");

        // the new version exists, with the changed text
        as(shop.qa()).get(shop.path("/rule-versions/" + next)).then().statusCode(200)
                .body("description", equalTo("member day earns triple points"))
                .body("status", equalTo("DRAFT"));
        String stored = as(shop.qa()).get(shop.path("/rule-versions/" + next + "/files/member-day.dslr"))
                .then().statusCode(200).extract().asString();
        assertThat(stored).contains("Multiply the base points by 3 as a MEMBER_DAY multiplier, because member day earns triple points")
                .contains("    Today is day 10 of the month\n")
                .doesNotContain("by 2 as a MEMBER_DAY");
    }

    @Test
    void completionOffersTheVocabularysSentencesAndTheDraftCanBeDiscarded() {
        openEditorWithADraftOfTheLiveVersion();
        button("member-day.dslr").click();
        expect(compileStatus()).hasText("Compiles cleanly · 32 rules", compiled());
        // values written into a sentence's placeholders are highlighted as values
        expect(page.locator(".cm-line span", new Page.LocatorOptions().setHasText("MEMBER_DAY")))
                .hasCSS("font-weight", "600");

        codeLine("There is a purchase").click();
        page.keyboard().press("End");
        page.keyboard().press("Enter");
        page.keyboard().type("The member is in");
        Locator completions = page.locator(".cm-tooltip-autocomplete");
        expect(completions).containsText("The member is in tier {tier}");
        expect(completions).containsText("condition");
        screenshot("edit-completion");
        page.keyboard().press("Enter");
        page.keyboard().type("GOLD"); // the {tier} placeholder was selected
        expect(codeLine("The member is in tier GOLD")).hasText("    The member is in tier GOLD");
        expect(compileStatus()).hasText("Compiles cleanly · 32 rules", compiled());

        button("Discard draft").click();
        button("Discard").click();
        expect(testId("start-draft")).isVisible();
        assertThat(page.evaluate("() => localStorage.getItem('jifen.console.draft." + shop.code() + "')")).isNull();
    }

    @Test
    void aCsvTableIsEditedInTheGridAndAnXlsxIsShownAsAGridAndReplacedByUpload() throws IOException {
        openEditorWithADraftOfTheLiveVersion();
        button("category-rates.csv").click();
        expect(testId("csv-grid")).isVisible();
        expect(field("Cell D11")).hasValue("2, household goods carry a high margin");

        // a wrong value: marked at its cell in the grid, named in the list
        field("Cell D11").fill("lots, household goods carry a high margin");
        expect(testId("problems")).containsText("category-rates.csv!D11", compiledContains());
        expect(field("Cell D11")).hasAttribute("aria-invalid", "true");
        heading("Edit rules").focus(); // the cell's red outline, not the focus ring, in the picture
        screenshot("edit-csv-grid");
        field("Cell D11").fill("3, household goods carry a high margin");
        expect(compileStatus()).hasText("Compiles cleanly · 32 rules", compiled());

        // add a row, remove another
        button("Add a row below row 13").click();
        expect(field("Cell A14")).isFocused();
        field("Cell A14").fill("pet food earns double");
        field("Cell B14").fill("base");
        field("Cell C14").fill("pet-food");
        field("Cell D14").fill("2, pet food carries a high margin");
        button("Remove row 12").click();
        expect(field("Cell A12")).hasValue("electronics earn half");
        expect(compileStatus()).hasText("Compiles cleanly · 32 rules", compiled());

        // the file is still the CSV text, quoted as Drools reads it
        button("Edit as text").click();
        expect(codeLine("household goods earn double")).hasText("household goods earn double,base,household,\"3, household goods carry a high margin\"");
        expect(codeLine("pet food earns double")).hasText("pet food earns double,base,pet-food,\"2, pet food carries a high margin\"");
        expect(codeLine("imported wine")).hasCount(0);
        button("Edit as grid").click();

        // the spreadsheet: a read-only grid from the service
        button("spend-threshold.xlsx").click();
        Locator sheet = testId("sheet-grid");
        expect(sheet.locator("[data-cell=A6]")).hasText("RuleTable Spend threshold bonus");
        expect(sheet.locator("[data-cell=F12]")).hasText("1000");
        screenshot("edit-xlsx-grid");

        // replaced by an upload whose F12 is wrong: the problem is marked at that cell
        byte[] wrong;
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(
                ReferenceProgram.ruleFile("spend-threshold.xlsx").content()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getSheetAt(0).getRow(11).getCell(5).setCellValue("lots");
            workbook.write(out);
            wrong = out.toByteArray();
        }
        testId("replace-spreadsheet").setInputFiles(new FilePayload("spend-threshold.xlsx", XLSX, wrong));
        expect(sheet.locator("[data-cell=F12]")).hasText("lots");
        expect(testId("problems")).containsText("spend-threshold.xlsx!F12", compiledContains());
        expect(sheet.locator("[data-cell=F12]")).hasClass(Pattern.compile("cell-problem"));
        testId("problems").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("spend-threshold\\.xlsx!F12"))).click();
        expect(sheet.locator("[data-cell=F12]")).isFocused();
        screenshot("edit-xlsx-problem");

        // any file downloads as the draft holds it
        Download download = page.waitForDownload(() -> button("Download").click());
        assertThat(download.suggestedFilename()).isEqualTo("spend-threshold.xlsx");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(wrong);
    }

    @Test
    void filesAreAddedFromATemplateOrFromDiskRenamedAndDeleted() {
        openEditorWithADraftOfTheLiveVersion();
        expect(compileStatus()).hasText("Compiles cleanly · 32 rules", compiled());

        // a new DSLR file starts with the header every file needs and one example rule
        field("New file name").fill("promo.dslr");
        button("Add file").click();
        expect(testId("current-file")).hasText("promo.dslr");
        expect(codeLine("expander loyalty.dsl")).isVisible();
        expect(compileStatus()).hasText("Compiles cleanly · 33 rules", compiled());

        // a name the API would refuse is refused here, next to the field
        field("New file name").fill("../escape.drl");
        button("Add file").click();
        expect(page.locator("#new-file-error")).containsText("Use letters, digits");
        field("New file name").fill("notes.txt");
        button("Add file").click();
        expect(page.locator("#new-file-error")).containsText("Name it *.dslr");

        // from disk
        String drl = """
                package io.jifen.rules.reference;
                import io.jifen.engine.facts.*;
                global RuleActions actions;

                rule "a big basket earns 5 more"
                    ruleflow-group "bonus"
                when
                    Purchase(total >= 100000)
                then
                    actions.bonus(5, "TASK", "a big basket");
                end
                """;
        testId("add-from-disk").setInputFiles(new FilePayload("basket.drl", "text/plain", drl.getBytes(StandardCharsets.UTF_8)));
        expect(testId("current-file")).hasText("basket.drl");
        expect(codeLine("a big basket earns 5 more")).isVisible();
        expect(compileStatus()).hasText("Compiles cleanly · 34 rules", compiled());

        // rename into a folder, then delete (confirmed)
        button("promo.dslr").click();
        button("Rename").click();
        field("New name").fill("promo/spring.dslr");
        button("Rename file").click();
        expect(testId("current-file")).hasText("promo/spring.dslr");
        expect(testId("file-list")).not().containsText("promo.dslr");
        expect(compileStatus()).hasText("Compiles cleanly · 34 rules", compiled());
        button("Delete").click();
        button("Delete file").click();
        expect(testId("file-list")).not().containsText("promo/spring.dslr");
        expect(compileStatus()).hasText("Compiles cleanly · 33 rules", compiled());
    }

    @Test
    void theEditPageSpeaksChinese() {
        signIn(shop.marketing());
        expect(testId("live-version")).hasText("Version 1");
        page.getByLabel("Language").selectOption("zh");
        expect(testId("nav-edit")).hasText("编辑规则");
        expect(testId("nav-edit")).not().containsText("即将推出");
        testId("nav-edit").click();
        expect(heading("编辑规则")).isVisible();
        expect(field("基于")).hasValue("1");
        button("新建草稿").click();
        button("member-day.dslr").click();
        expect(compileStatus()).hasText("编译通过 · 32 条规则", compiled());
        expect(heading("问题")).isVisible();
        expect(heading("保存为新版本")).isVisible();
        expect(button("放弃草稿")).isVisible();
        expect(field("说明")).isVisible();
        screenshot("edit-zh");
    }

    @Test
    void qaDoesNotSeeTheEditPage() {
        signIn(shop.qa());
        expect(testId("live-version")).hasText("Version 1");
        expect(testId("nav-edit")).hasCount(0);
        page.navigate(root + "console/#/edit");
        expect(page).hasURL(Pattern.compile("#/overview$"));
        expect(heading("Program overview")).isVisible();
        expect(heading("Edit rules")).hasCount(0);
    }
}
