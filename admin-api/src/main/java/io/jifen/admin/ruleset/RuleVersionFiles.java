package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The files of a stored rule version, as uploaded: listed, read one by one, compared between versions. */
@ApplicationScoped
public class RuleVersionFiles {

    /** The version's files by name, each with its size, content type and hash; 404 for an unknown version. */
    public Page<RuleVersionModels.StoredFileView> list(Merchant merchant, int number, int limit, String cursor) {
        RuleVersion v = RuleVersions.require(merchant, number);
        String after = Cursor.decode(cursor);
        List<RuleVersionFile> files = RuleVersionFile.<RuleVersionFile>find("ruleVersionId = ?1 and name > ?2 order by name",
                v.id, after == null ? "" : after).range(0, limit).list();
        return Page.of(files, limit, f -> f.name).map(f -> RuleFiles.view(f.name, f.content));
    }

    /** One file of a version; 404 for an unknown version or file. */
    public RuleVersionFile named(Merchant merchant, int number, String name) {
        RuleVersion v = RuleVersions.require(merchant, number);
        return RuleVersionFile.<RuleVersionFile>find("ruleVersionId = ?1 and name = ?2", v.id, name)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("file `" + name + "` of rule version " + number));
    }

    /** Version {@code from}'s files against version {@code to}'s, by file name; 404 for an unknown version. */
    public RuleVersionModels.DiffView diff(Merchant merchant, int from, int to) {
        RuleVersion a = RuleVersions.require(merchant, from);
        RuleVersion b = RuleVersions.require(merchant, to);
        return RuleFiles.diff(from, to, RuleVersionFile.ruleFilesOf(a.id), RuleVersionFile.ruleFilesOf(b.id));
    }
}
