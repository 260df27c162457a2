-- A warning-rule version, once saved, is a record of what the county decided and when (#18): like parameter_versions,
-- it is never edited or removed; a change is a new dated version.
CREATE TRIGGER warning_rule_versions_no_update BEFORE UPDATE ON warning_rule_versions
BEGIN SELECT RAISE(ABORT, 'warning_rule_versions is append-only'); END;
CREATE TRIGGER warning_rule_versions_no_delete BEFORE DELETE ON warning_rule_versions
BEGIN SELECT RAISE(ABORT, 'warning_rule_versions is append-only'); END;
