-- A warning-rule version, once saved, is a record of what the county decided and when (#18): like parameter_versions,
-- it is never edited or removed; a change is a new dated version. TRUNCATE, which row triggers do not see, too.
CREATE TRIGGER warning_rule_versions_no_update BEFORE UPDATE ON warning_rule_versions FOR EACH ROW EXECUTE FUNCTION xfm_reject_change();
CREATE TRIGGER warning_rule_versions_no_delete BEFORE DELETE ON warning_rule_versions FOR EACH ROW EXECUTE FUNCTION xfm_reject_change();
CREATE TRIGGER warning_rule_versions_no_truncate BEFORE TRUNCATE ON warning_rule_versions FOR EACH STATEMENT EXECUTE FUNCTION xfm_reject_change();
