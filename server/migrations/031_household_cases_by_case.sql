-- A case page asks which register entry it belongs to: find the link by case, not by scanning every link.
CREATE INDEX household_cases_case ON household_cases(case_id);
