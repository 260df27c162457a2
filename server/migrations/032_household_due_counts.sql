-- The worklist's overdue / due-this-week counts read only the index: next visit first (a range up to the
-- week's end), with what decides whether an exited household is still followed. One for a township, one for the county.
DROP INDEX households_due;
CREATE INDEX households_due ON households(township, next_visit_on, category, monitored_until);
CREATE INDEX households_due_all ON households(next_visit_on, category, monitored_until);
-- The county's register page (no township) in worklist order.
CREATE INDEX households_worklist_all ON households(village, next_visit_on, id);
-- Filtered by category or level, in the township or the county: the page is the first rows of one index, in order.
CREATE INDEX households_worklist_category ON households(township, category, village, next_visit_on, id);
CREATE INDEX households_worklist_level ON households(township, level, village, next_visit_on, id);
CREATE INDEX households_category_all ON households(category, village, next_visit_on, id);
CREATE INDEX households_level_all ON households(level, village, next_visit_on, id);
