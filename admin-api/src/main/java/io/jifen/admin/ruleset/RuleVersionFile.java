package io.jifen.admin.ruleset;

import io.jifen.engine.compile.RuleFile;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** One file of a rule version, stored as uploaded. */
@Entity
@Table(name = "rule_version_file")
@IdClass(RuleVersionFile.Key.class)
public class RuleVersionFile extends PanacheEntityBase {
    @Id
    @Column(name = "rule_version_id")
    public Long ruleVersionId;

    @Id
    public String name;

    public byte[] content;

    public static List<RuleVersionFile> of(Long ruleVersionId) {
        return list("ruleVersionId = ?1 order by name", ruleVersionId);
    }

    /** The version's files as the engine takes them. */
    public static List<RuleFile> ruleFilesOf(Long ruleVersionId) {
        return RuleVersionFile.of(ruleVersionId).stream().map(f -> new RuleFile(f.name, f.content)).toList();
    }

    public static class Key implements Serializable {
        public Long ruleVersionId;
        public String name;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(ruleVersionId, k.ruleVersionId) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ruleVersionId, name);
        }
    }
}
